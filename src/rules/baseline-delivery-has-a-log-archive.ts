import { error } from '../config/diagnostics';
import { baselineAccountKeys, mergedBaselineOf } from '../model/baseline';
import type { Rule } from './rule';

/**
 * AWS Config and VPC flow logs of the baseline deliver into the log archive bucket of the
 * `logging` section; without it they have nowhere to write.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html
 */
export const baselineDeliveryHasALogArchive: Rule = {
  code: 'LZ1002',
  name: 'baseline-delivery-has-a-log-archive',
  check({ config }) {
    if (!config.baseline || config.logging) return [];
    const keys = baselineAccountKeys(config);
    const delivering = (setting: 'config' | 'flowLogs') => keys.filter((key) => mergedBaselineOf(config, key)[setting]?.enabled !== false);
    const recording = delivering('config');
    const flowLogs = delivering('flowLogs');
    if (recording.length === 0 && flowLogs.length === 0) return [];
    const what = [...(recording.length > 0 ? [`AWS Config (${recording.length} account${recording.length === 1 ? '' : 's'}, e.g. ${recording[0]})`] : []),
      ...(flowLogs.length > 0 ? [`VPC flow logs (${flowLogs.length} account${flowLogs.length === 1 ? '' : 's'}, e.g. ${flowLogs[0]})`] : [])];
    return [error(this.code, ['baseline'], `The account baseline turns on ${what.join(' and ')}, which deliver to the log archive, but org.yaml has no \`logging\` section.`,
      'Add a `logging` section naming the log archive account, or set `config: { enabled: false }` and `flowLogs: { enabled: false }` in the baseline.', true)];
  },
};
