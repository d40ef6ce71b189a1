// The report formats, apart from their renderers, so that the command line's option declarations
// (commands/options.ts) name them without loading a renderer.
export const REPORT_FORMATS = ['text', 'md', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `drctl report --history` draws a trend: no JUnit. */
export const HISTORY_FORMATS = ['text', 'md', 'json', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** The file extension each format is written with by `drctl drill`. */
export const FORMAT_EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', md: 'md', json: 'json', junit: 'junit.xml', html: 'html' };
