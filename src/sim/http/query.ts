// awsQuery (RDS, DocumentDB, ElastiCache), as AWS-API.md section 1.1 describes it: form-encoded requests
// with flattened members (`Filters.Filter.1.Values.Value.1=...`); XML answers with the mandatory
// <OpResult> wrapper, ResponseMetadata, and ErrorResponse envelopes carrying the wire code.
import { faults, type SimFault } from '../sim-fault';
import type { Reply } from './wire';
import { element, type XmlObject } from './xml';

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';
export const ELASTICACHE_NAMESPACE = 'http://elasticache.amazonaws.com/doc/2015-02-02/';

export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  required(name: string): string {
    const value = this.get(name);
    if (value === undefined || value === '') throw faults.missingParameter(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.get(name);
    return value === undefined ? undefined : value.toLowerCase() === 'true';
  }

  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number)) throw faults.invalidParameterValue(`Invalid value ${value} for ${name}.`);
    return number;
  }

  /** Members of a flattened list: list('Filters.Filter') gives one QueryParams per Filters.Filter.N. */
  list(prefix: string): QueryParams[] {
    const result: QueryParams[] = [];
    for (let index = 1; ; index++) {
      const base = `${prefix}.${index}`;
      const sub = new URLSearchParams();
      for (const [key, value] of this.params) {
        if (key === base) sub.set('', value);
        else if (key.startsWith(`${base}.`)) sub.set(key.slice(base.length + 1), value);
      }
      if ([...sub.keys()].length === 0) return result;
      result.push(new QueryParams(sub));
    }
  }

  /** Values of a flattened list of strings (Values.Value.N). */
  strings(prefix: string): string[] {
    return this.list(prefix).map((item) => item.get('') ?? '');
  }

  /** Filters.Filter.N.{Name, Values.Value.M} as name -> values. */
  filters(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const filter of this.list('Filters.Filter')) {
      const name = filter.get('Name');
      if (name) result.set(name, [...(result.get(name) ?? []), ...filter.strings('Values.Value')]);
    }
    return result;
  }
}

export function querySuccess(operation: string, namespace: string, result: XmlObject, requestId: string): Reply {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${namespace}">` +
    element(`${operation}Result`, result) +
    element('ResponseMetadata', { RequestId: requestId }) +
    `</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

export function queryError(fault: SimFault, namespace: string, requestId: string): Reply {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}">` +
    element('Error', { Type: fault.type, Code: fault.code, Message: fault.message }) +
    element('RequestId', requestId) +
    '</ErrorResponse>';
  return { status: fault.httpStatus, headers: { 'content-type': 'text/xml' }, body };
}
