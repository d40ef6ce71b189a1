// Planted: a service imports its peer.
import { reportName } from '../report/planted';

export const planted = reportName;
