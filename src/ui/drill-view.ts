// The end of `drctl drill`: its verdict for people, or the drill record as the last JSON line.
import type { DrillRecord } from '../report/history';
import { drillSummaryText } from '../report/drill-output';
import type { View } from './output';

export interface DrillAnswer {
  record: DrillRecord;
  /** What the text adds to the record: objectives missed, end states wrong, notes, where the reports are. */
  details: Parameters<typeof drillSummaryText>[1];
}

export const drillView: View<DrillAnswer> = {
  type: 'drill.result',
  text: ({ record, details }, screen) => drillSummaryText(record, details, screen.style),
  json: ({ record }) => record,
};
