// Defence in depth for plan, preflight and dry run: the ports an action gets there refuse every method
// that is not describe/get/list, before any request is built. src/aws has its own guard on the wire.
import type { AwsPorts } from '../core/aws-ports';
import { DrctlError, ExitCode } from '../core/errors';

const READ_METHOD = /^(describe|get|list)/;

function guardPort<T extends object>(portName: string, port: T): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || READ_METHOD.test(property)) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () =>
        Promise.reject(
          new DrctlError(
            'engine.read-only',
            `${portName}.${property} changes AWS and was refused: this is a read-only phase (plan, preflight or dry run)`,
            'This is a bug in the action that tried it: plan must only read. Report it with the run journal.',
            { exitCode: ExitCode.runFailed },
          ),
        );
    },
  });
}

export function readOnlyPorts(ports: AwsPorts): AwsPorts {
  return {
    rds: guardPort('rds', ports.rds),
    docdb: guardPort('docdb', ports.docdb),
    elasticache: guardPort('elasticache', ports.elasticache),
    route53: guardPort('route53', ports.route53),
    cloudwatch: guardPort('cloudwatch', ports.cloudwatch),
  };
}
