// Shared by the test/aws suites: ports wired for tests, and the region a mocked call's client used.
import { createAwsPorts, type AwsOptions } from '../../src/aws';

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
};

/** Ports with static credentials and one attempt: unit tests never wait for an SDK back-off. */
export function testPorts(overrides: Partial<AwsOptions> = {}): ReturnType<typeof createAwsPorts> {
  return createAwsPorts({ credentials: TEST_CREDENTIALS, readOnly: false, maxAttempts: 1, ...overrides });
}

/** The region of the client a mocked command was sent through (aws-sdk-client-mock keeps `this`). */
export async function regionOfCall(call: { thisValue: unknown }): Promise<string> {
  const client = call.thisValue as { config: { region: () => Promise<string> } };
  return client.config.region();
}

/** The input of the n-th mocked call. */
export function inputOf(call: { args: unknown[] }): unknown {
  return (call.args[0] as { input: unknown }).input;
}

export const metadata = (httpStatusCode: number, extra: Record<string, unknown> = {}) => ({
  httpStatusCode,
  requestId: 'req-0001',
  attempts: 1,
  ...extra,
});
