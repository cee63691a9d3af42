import type { DayEntry } from '../../core/entries.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { formatDuration } from '../../ui/duration.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { categoryClass } from '../common/categoryOrder.js';
import { DataTable } from '../common/DataTable.js';
import { entryName, sourceLabel, systemText, timeRange } from './entryText.js';
import { addDays } from '../../core/dateKeys.js';
import { clockTime, localDayStartMs, localMs } from './localTime.js';
import { useChartWidth } from '../common/useChartWidth.js';
import { NumericHeader } from '../common/NumericHeader.js';

const BAR_Y = 6;
const BAR_H = 28;
const HEIGHT = 58;
const TICK_HOURS = ['00:00', '06:00', '12:00', '18:00'];

/**
 * The day from midnight to midnight as one strip, each record a block in its
 * task's colour, so gaps and clusters show at a glance. On the days the
 * clocks change the strip is 23 or 25 hours long, as the day was. The data
 * table beneath says the same in words and numbers.
 */
export function DayTimelineChart({ date, entries, totalMs }: { date: LocalDateKey; entries: DayEntry[]; totalMs: number }) {
  const { ref, width } = useChartWidth(800);
  const dayStart = localDayStartMs(date);
  const dayEnd = localDayStartMs(addDays(date, 1));
  const x = (ms: number) => ((Math.min(dayEnd, Math.max(dayStart, ms)) - dayStart) / (dayEnd - dayStart)) * width;
  const ticks = [
    ...TICK_HOURS.map((hhmm) => ({ label: hhmm, ms: localMs(date, hhmm) })).filter((tick): tick is { label: string; ms: number } => tick.ms !== null),
    { label: '24:00', ms: dayEnd },
  ];
  const first = entries[0];
  const last = entries.reduce<DayEntry | undefined>((latest, e) => (!latest || e.end > latest.end ? e : latest), undefined);
  const summary =
    first && last ? t('day_chartSummary', entries.length, clockTime(first.start), clockTime(last.end), formatDuration(totalMs)) : t('dash_chartNoTime');
  return (
    <>
      <div class="chart-frame" ref={ref}>
        <svg class="chart day-strip" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={summary}>
          <rect class="day-strip-track" x={0} y={BAR_Y} width={width} height={BAR_H} />
          {entries.map((e) => {
            const left = x(e.start);
            return (
              <rect key={e.id} class={`chart-seg ${categoryClass(e.category)}`} x={left} y={BAR_Y} width={Math.max(2, x(e.end) - left)} height={BAR_H}>
                <title>{t('day_chartTooltip', entryName(e), systemText(e))}</title>
              </rect>
            );
          })}
          {ticks.map((tick, i) => {
            const tx = x(tick.ms);
            const anchor = i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle';
            return (
              <g key={tick.label}>
                <line class="chart-baseline" x1={tx} x2={tx} y1={BAR_Y + BAR_H} y2={BAR_Y + BAR_H + 5} />
                <text x={tx} y={HEIGHT - 4} text-anchor={anchor}>
                  {tick.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable caption={t('day_tableCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('day_colTime')}</th>
            <th scope="col">{t('dash_colTask')}</th>
            <th scope="col">{t('dash_colSystem')}</th>
            <th scope="col">{t('day_colSource')}</th>
            <NumericHeader>{t('day_colCounted')}</NumericHeader>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row">{timeRange(e)}</th>
              <td>{categoryLabel(e.category)}</td>
              <td>{systemText(e)}</td>
              <td>{sourceLabel(e.source)}</td>
              <td class="numeric">{formatDuration(e.activeMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('dash_total')}
            </th>
            <td class="numeric">{formatDuration(totalMs)}</td>
          </tr>
        </tfoot>
      </DataTable>
    </>
  );
}
