// One renderer per format; the command picks by name. Formats are pure: facts in, text out.
import type { Style } from '../core/style';
import type { ReportFacts } from './facts-types';
import type { ReportFormat } from './formats';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';


/** `style` colours the text format only (a terminal); files are always plain. */
export function renderReport(facts: ReportFacts, format: ReportFormat, style?: Style): string {
  switch (format) {
    case 'text':
      return renderText(facts, style);
    case 'md':
      return renderMarkdown(facts);
    case 'json':
      return renderJson(facts);
    case 'junit':
      return renderJunit(facts);
    case 'html':
      return renderHtml(facts);
  }
}
