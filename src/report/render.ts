// One renderer per format; the command picks by name. Formats are pure: facts in, text out.
import type { Style } from '../core/style';
import type { ReportFacts } from './facts-types';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

export const REPORT_FORMATS = ['text', 'md', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file extension each format is written with by `drctl drill`. */
export const FORMAT_EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', md: 'md', json: 'json', junit: 'junit.xml', html: 'html' };

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

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
