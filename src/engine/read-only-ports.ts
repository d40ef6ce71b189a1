// Defence in depth for plan, preflight and dry run: the ports an action gets there refuse every method
// that its service (src/core/services) does not declare as a read, before any request is built. src/aws
// has its own guard on the wire.
import { isReadMethod, SERVICE_IDS, type AwsPorts, type Service } from '../core/services/catalogue';
import { DrctlError, ExitCode } from '../core/errors';

function guardPort<T extends object>(portName: Service, port: T): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || isReadMethod(portName, property)) {
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
  return Object.fromEntries(SERVICE_IDS.map((service) => [service, guardPort(service, ports[service])])) as AwsPorts;
}
