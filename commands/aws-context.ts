// Where a command's AWS comes from: the real account (standard credential chain, --profile, --region,
// --endpoint-url) or, with --sim, the embedded simulator started in-process. Either way the command gets
// the same ports and a clock; under --sim it is the simulator's virtual clock, shared with the world, held
// still by every AWS call and journal commit in flight, so every figure drctl reports is simulated time
// that depends only on the world, the seed, the runbook and the inputs.
import path from 'node:path';
import type { ApiCallRecord } from '../src/core/api-calls';
import type { AwsPorts } from '../src/core/services/catalogue';
import type { HttpProbePort } from '../src/core/http-probe';
import { systemClock, type Clock } from '../src/core/clock';
import { DrctlError, ExitCode } from '../src/core/errors';
import { describeInputFileProblem, readInputFile } from '../src/core/input-file';
import type { Resource } from '../src/core/resources';
import type { LeftByRun } from '../src/sim/world-resume';

export interface AwsContextOptions {
  /** true: a world generated from the resources; a string: a world file. */
  sim?: string | boolean;
  /** --pace: watch a simulated run at this many simulated seconds per real second (figures unchanged). */
  pace?: number;
  /** Simulated time starts here (a resumed run continues where its journal stopped). Default: real now. */
  simStart?: number;
  /** A resumed run's world starts as the journal says the run left it (writers moved, checks inverted). */
  simLeft?: LeftByRun;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  /** The environment: AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION and where the shared config files are. */
  env?: Readonly<Record<string, string | undefined>>;
  readOnly: boolean;
  resources: Record<string, Resource>;
  onCall?: (record: ApiCallRecord) => void;
  /** Resolves a relative world file; defaults to the process's working directory. */
  cwd?: string;
}

export interface AwsContext {
  ports: AwsPorts;
  /** GETs of the application's endpoints (under --sim, the simulated world's regional endpoints). */
  http: HttpProbePort;
  clock: Clock;
  simulated: boolean;
  /**
   * The region to ask about a resource without a region hint, as the AWS CLI picks it: --region, then
   * AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
   */
  defaultRegion?: string;
  /** The simulator's endpoint under --sim, for messages. */
  endpoint?: string;
  /** Under --sim: run the clock at real time until the release is called (while a person answers). */
  atHumanPace?: () => () => void;
  /** Under --sim: hold the virtual clock while work is in flight (the journal's fsync). */
  holdClock?: () => () => void;
  /** Under --sim: the engine's retry jitter, drawn from the world's seed so a drill replays exactly. */
  random?: () => number;
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

export async function openAwsContext(options: AwsContextOptions): Promise<AwsContext> {
  const { createAwsPorts, readSharedProfile } = await import('../src/aws/index');
  const { createHttpProbe, servedRoutes } = await import('../src/net/http-probe');
  if (!options.sim) {
    if (options.pace !== undefined) {
      throw new DrctlError('cli.pace-needs-sim', '--pace only applies to the simulator', 'Add --sim, or drop --pace: against AWS every second is a real one.', { exitCode: ExitCode.invalidInput });
    }
    const env = options.env ?? {};
    // Before any call: an unknown profile is named once, not once per failed call.
    const profile = await readSharedProfile(options.profile, env);
    const defaultRegion = options.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || profile?.region);
    const ports = createAwsPorts({ profile: options.profile, region: defaultRegion, endpointUrl: options.endpointUrl, readOnly: options.readOnly, onCall: options.onCall });
    // Pointed at an endpoint (`drctl sim serve`, say), probes of the application ask it where they go.
    const http = createHttpProbe(options.endpointUrl ? { route: servedRoutes(options.endpointUrl) } : {});
    return { ports, http, clock: systemClock, simulated: false, ...(defaultRegion ? { defaultRegion } : {}), close: async () => ports.close() };
  }
  if (options.endpointUrl || options.profile) {
    throw new DrctlError('cli.sim-and-aws', '--sim cannot be combined with --endpoint-url or --profile', 'Use --sim for the embedded simulator, or --endpoint-url to reach `drctl sim serve` or another endpoint.', { exitCode: ExitCode.invalidInput });
  }
  const sim = await import('../src/sim/index');
  const declared = typeof options.sim === 'string' ? await readWorld(sim.loadWorld, options.sim, options.cwd) : sim.generateWorld(options.resources);
  const world = options.simLeft ? sim.worldLeftBy(declared, options.resources, options.simLeft) : declared;
  const { pace } = options;
  // A whole minute: CloudWatch periods and checker rounds are aligned to the epoch, so a start at any
  // second would shift which datapoint a read finds. From a whole minute every drill replays exactly.
  const worldStart = world.spec.start === undefined ? Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS : Date.parse(world.spec.start);
  const clock = new sim.VirtualClock({ start: Math.max(worldStart, options.simStart ?? 0), pace });
  const running = await sim.startSimulator({ world, clock });
  const holdClock = () => clock.hold();
  // The order ARC's cluster endpoints are tried in comes from the world's seed too: a drill replays exactly.
  const endpointOrder = sim.mulberry32(world.spec.seed ^ 0xa2c);
  const ports = createAwsPorts({ endpointUrl: running.endpoint, credentials: sim.SIM_CREDENTIALS, region: options.region ?? 'us-east-1', readOnly: options.readOnly, onCall: options.onCall, holdClock, clockNow: () => clock.now(), random: endpointOrder });
  const defaultRegion = options.region ?? (options.env?.AWS_REGION || options.env?.AWS_DEFAULT_REGION || undefined);
  return {
    ports,
    // A probe is real I/O like an AWS call: it holds the virtual clock while in flight.
    http: createHttpProbe({ holdClock, route: (url) => running.app.routeProbe(url) }),
    clock,
    simulated: true,
    ...(defaultRegion ? { defaultRegion } : {}),
    endpoint: running.endpoint,
    atHumanPace: () => clock.atHumanPace(),
    holdClock,
    random: sim.mulberry32(world.spec.seed ^ 0x5eed),
    close: async () => {
      ports.close();
      clock.close();
      await running.close();
    },
  };
}

/** World files are small; anything larger is the wrong file. */
const MAX_WORLD_BYTES = 4 * 1024 * 1024;

/** Reads and loads a world file; whatever cannot be one (missing, a device, a FIFO, huge) is refused at once. */
export async function readWorld<T>(load: (text: string, fileName: string) => T, file: string, cwd = process.cwd()): Promise<T> {
  const read = await readInputFile(path.resolve(cwd, file), MAX_WORLD_BYTES);
  if ('problem' in read) {
    throw new DrctlError('sim.world-unreadable', `the world file ${file} ${describeInputFileProblem(read.problem)}`, 'Pass a world file written by `drctl sim world <runbook>`, or --sim alone to generate one from the runbook.', { exitCode: ExitCode.invalidInput });
  }
  return load(read.bytes.toString('utf8'), file);
}
