// An error the simulated AWS answers with: the wire code and HTTP status of AWS-API.md section 8. The
// world throws these; the HTTP front turns them into each protocol's error envelope.
export class SimFault extends Error {
  readonly code: string;
  readonly httpStatus: number;
  /** Sender (the caller's fault) or Receiver (the service's). */
  readonly type: 'Sender' | 'Receiver';

  constructor(code: string, message: string, httpStatus = 400, type: 'Sender' | 'Receiver' = 'Sender') {
    super(message);
    this.name = 'SimFault';
    this.code = code;
    this.httpStatus = httpStatus;
    this.type = type;
  }
}

export function isSimFault(error: unknown): error is SimFault {
  return error instanceof SimFault;
}

export const faults = {
  globalClusterNotFound: (id: string) => new SimFault('GlobalClusterNotFoundFault', `Global cluster ${id} not found.`, 404),
  dbClusterNotFound: (id: string) => new SimFault('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404),
  dbClusterNotMember: (arn: string, globalClusterId: string) =>
    new SimFault('DBClusterNotFoundFault', `The DB cluster ${arn} is not a member of the global cluster ${globalClusterId}.`, 404),
  invalidGlobalClusterState: (message: string) => new SimFault('InvalidGlobalClusterStateFault', message),
  invalidDbClusterState: (message: string) => new SimFault('InvalidDBClusterStateFault', message),
  globalReplicationGroupNotFound: (id: string) =>
    new SimFault('GlobalReplicationGroupNotFoundFault', `GlobalReplicationGroup ${id} not found.`, 404),
  replicationGroupNotFound: (id: string) => new SimFault('ReplicationGroupNotFoundFault', `ReplicationGroup ${id} not found.`, 404),
  invalidGlobalReplicationGroupState: (message: string) => new SimFault('InvalidGlobalReplicationGroupState', message),
  invalidParameterValue: (message: string) => new SimFault('InvalidParameterValue', message),
  invalidParameterCombination: (message: string) => new SimFault('InvalidParameterCombination', message),
  missingParameter: (name: string) =>
    new SimFault('MissingParameter', `The request must contain the parameter ${name}.`),
  noSuchHealthCheck: (id: string) => new SimFault('NoSuchHealthCheck', `A health check with id ${id} does not exist.`, 404),
  noSuchHostedZone: (id: string) => new SimFault('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404),
  noSuchChange: (id: string) => new SimFault('NoSuchChange', `A change with the specified change ID ${id} does not exist.`, 404),
  healthCheckVersionMismatch: () =>
    new SimFault(
      'HealthCheckVersionMismatch',
      'The value of HealthCheckVersion in the request doesn\'t match the value of HealthCheckVersion in the health check.',
      409,
    ),
  invalidChangeBatch: (messages: string[]) => new SimFault('InvalidChangeBatch', `[${messages.join(', ')}]`),
  invalidInput: (message: string) => new SimFault('InvalidInput', message),
  invalidNextToken: () => new SimFault('InvalidNextToken', 'The service cannot find the next token specified.', 400),
};
