import { t } from '../ui/i18n.js';
import { DASHBOARD_VIEWS, type DashboardView } from './dashboardViews.js';

/** Day / Week / Month / Year / Share / Settings. The current one is marked for sight (style) and for screen readers (aria-current). */
export function ViewNav({ current, onSelect }: { current: DashboardView; onSelect: (view: DashboardView) => void }) {
  return (
    <nav class="view-nav" aria-label={t('dash_viewNavLabel')}>
      <ul>
        {DASHBOARD_VIEWS.map((view) => (
          <li key={view}>
            <button
              type="button"
              id={`view-${view}`}
              class="view-nav-item"
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              {t(`dash_view_${view}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
