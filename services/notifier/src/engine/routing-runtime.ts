import {
  channelConfigSchema,
  createChannel,
  type ChannelDefaults,
  type ConfiguredChannel,
} from '@vigil/channels';
import { formatIssues, loadRoutingConfig, type ConfigIssue } from '@vigil/routing';
import type { RoutingRuntime } from './notifier-deps.js';

export type RuntimeResult =
  | { readonly ok: true; readonly runtime: RoutingRuntime }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[]; readonly message: string };

/**
 * Loads a routing YAML text (channels checked by the channels package's schema) and builds each
 * receiver's channels. On error nothing is built: the caller keeps the routing it had.
 */
export function buildRoutingRuntime(
  text: string,
  options: { file: string; env?: Readonly<Record<string, string | undefined>>; defaults?: ChannelDefaults },
): RuntimeResult {
  const loaded = loadRoutingConfig(text, {
    file: options.file,
    channelSchema: channelConfigSchema,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  if (!loaded.ok) return { ok: false, issues: loaded.issues, message: formatIssues(loaded.issues) };
  const receivers = new Map<string, ConfiguredChannel[]>();
  const issues: ConfigIssue[] = [];
  loaded.config.receivers.forEach((receiver, i) => {
    const channels: ConfiguredChannel[] = [];
    receiver.channels.forEach((raw, index) => {
      try {
        channels.push(
          createChannel(receiver.name, index, channelConfigSchema.parse(raw), options.defaults ?? {}),
        );
      } catch (error) {
        issues.push({
          file: options.file,
          path: `receivers[${i}].channels[${index}]`,
          message: (error as Error).message,
        });
      }
    });
    receivers.set(receiver.name, channels);
  });
  if (issues.length > 0) return { ok: false, issues, message: formatIssues(issues) };
  return { ok: true, runtime: { router: loaded.router, receivers } };
}
