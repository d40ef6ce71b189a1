// The profile, as the AWS CLI picks it before any call: --profile, else AWS_PROFILE, else `default`; read
// from the shared config files by the SDK's own loader (AWS_CONFIG_FILE, default ~/.aws/config, where a
// profile is `[profile name]` and the default `[default]`; AWS_SHARED_CREDENTIALS_FILE, default
// ~/.aws/credentials, where it is `[name]`). Its `region` is the default region when neither --region
// nor AWS_REGION / AWS_DEFAULT_REGION says one. A profile that was named but is in neither file stops the
// command at once with its name, as `aws` does ("The config profile (x) could not be found"), rather than
// as a credentials failure on every call.
import { DrctlError, ExitCode } from '../core/errors';

export interface SharedProfile {
  name: string;
  /** Its `region` setting (config file first, as the SDK reads it). */
  region?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Where the files are, as the SDK looks (its own defaults when the variables are not set). */
function filesOf(env: Env) {
  return { ignoreCache: true, ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}), ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}) };
}

/** The profile drctl uses, or undefined when none was named and there is no `default` in the files. */
export async function readSharedProfile(profile: string | undefined, env: Env): Promise<SharedProfile | undefined> {
  const named = profile ?? (env.AWS_PROFILE || undefined);
  const name = named ?? 'default';
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const { configFile, credentialsFile } = await loadSharedConfigFiles(filesOf(env));
  const settings = configFile[name] ?? credentialsFile[name];
  if (!settings) {
    if (named === undefined) return undefined;
    throw unknownProfile(named, profile === undefined, [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])], env);
  }
  const region = configFile[name]?.region ?? credentialsFile[name]?.region;
  return { name, ...(region ? { region } : {}) };
}

function unknownProfile(name: string, fromEnv: boolean, known: string[], env: Env): DrctlError {
  const where = `${env.AWS_CONFIG_FILE ?? '~/.aws/config'} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}`;
  const source = fromEnv ? ' (from AWS_PROFILE)' : '';
  const listed = known.length ? `Profiles there: ${known.sort().join(', ')}.` : 'There are no profiles there.';
  return new DrctlError(
    'aws.unknown-profile',
    `the AWS profile "${name}"${source} is not in ${where}`,
    `${listed} Create it with \`aws configure --profile ${name}\`, or point AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE at the files that hold it.`,
    { exitCode: ExitCode.invalidInput },
  );
}
