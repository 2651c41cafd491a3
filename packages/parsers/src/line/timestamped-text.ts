/**
 * Last resort for text lines that start with a recognizable timestamp but match no known format:
 * Go's log package (`2022/05/06 04:53:57 msg`), Monolog/PHP (`[2022-02-11 13:41:29] channel.LEVEL: msg`)
 * and klog (`I0613 10:22:26.154722  1 file.go:58] msg`, no year). They become dataset `unknown`
 * events carrying the time and the text, instead of dead letters.
 */
import type { EventDraft } from '../event/event-draft.js';
import { newDraft } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';
import { digitsAt } from '../time/month.js';
import { scanIso, scanSlashDate } from '../time/timestamp-scan.js';

const KLOG = /^[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? +\d+ [^\]\s]+\] /;

export function parseTimestampedText(line: string, tk: Toolkit, original: string): EventDraft | undefined {
  let end = -1;
  let ms = Number.NaN;
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    end = scanSlashDate(line, 0, tk.clock, tk.scan);
    if (end > 0) ms = tk.scan.ms;
  } else if (c === 91) {
    const close = scanIso(line, 1, tk.clock, tk.scan);
    if (close > 0 && line.charCodeAt(close) === 93) {
      end = close + 1;
      ms = tk.scan.ms;
    }
  } else {
    const m = KLOG.exec(line);
    if (m !== null) {
      const scan = tk.scan;
      scan.month = (digitsAt(line, 1, 2) || 1) - 1;
      scan.day = digitsAt(line, 3, 2);
      scan.hour = Number(m[3]);
      scan.minute = Number(m[4]);
      scan.second = Number(m[5]);
      scan.millis = Number((m[6] ?? '0').padEnd(3, '0').slice(0, 3));
      if (
        scan.month <= 11 &&
        scan.day >= 1 &&
        scan.day <= 31 &&
        scan.hour <= 23 &&
        scan.minute <= 59 &&
        scan.second <= 60
      ) {
        ms = tk.years.resolve(scan, tk.nowMs);
        end = m[0].length;
      }
    }
  }
  if (end < 0 || Number.isNaN(ms)) return undefined;
  const ev = newDraft(tk.iso(ms), original, 'unknown', 'timestamped-text');
  ev.message = line.slice(end).trim();
  ev.event.type.push('info');
  return ev;
}
