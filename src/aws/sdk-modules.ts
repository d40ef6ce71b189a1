// Loads each SDK client package on first use, through its service's part (src/aws/services), where every
// specifier is a literal inside its own import() so that esbuild splits each client into a chunk of its
// own: `drctl --version` loads none of them, and a command that never touches ElastiCache never loads
// the ElastiCache client.
import type { MiddlewareStack } from '@smithy/types';
import type { Service } from '../core/services/catalogue';
import { AWS_SERVICES } from './catalogue';

/** What drctl needs from any SDK v3 client. `any` stays at this wire boundary; ports narrow at once. */
export interface SdkClient {
  send(command: any): Promise<any>;
  middlewareStack: MiddlewareStack<any, any>;
  destroy(): void;
}

export type SdkClientConstructor = new (config: Record<string, unknown>) => SdkClient;

/** A loaded SDK package: its client class and its exports, where the `<Operation>Command` classes live. */
export interface SdkModule {
  Client: SdkClientConstructor;
  exports: Readonly<Record<string, unknown>>;
}

export async function loadSdkModule(service: Service): Promise<SdkModule> {
  const { load, client } = AWS_SERVICES[service];
  const sdk = interop(await load(), client) as Readonly<Record<string, unknown>>;
  return { Client: sdk[client] as SdkClientConstructor, exports: sdk };
}

/**
 * The SDK packages are CommonJS. Node (and vitest) expose their exports by name, but in the bundle a
 * dynamically imported CommonJS chunk exposes only `default` (esbuild's Node-compatible interop when
 * splitting). Accept both shapes.
 */
export function interop<T extends object>(namespace: T, marker: string): T {
  if (marker in namespace) return namespace;
  const inner = (namespace as { default?: unknown }).default;
  if (inner && typeof inner === 'object' && marker in inner) return inner as T;
  throw new Error(`the AWS SDK module has no ${marker}; the bundle is broken`);
}
