import { render } from 'preact';
import { t } from '../ui/i18n.js';
import { whenParsed } from '../ui/pageStart.js';
import { Dashboard } from './Dashboard.js';
import { realDashboardApi } from './realDashboardApi.js';
import { withPrefetch } from './prefetch.js';

// This script runs in <head>: the opening view's settings and rollups are asked for, in parallel,
// before the rest of the page is parsed, and the dashboard renders once the body has been.
const api = withPrefetch(realDashboardApi(), location.hash);

whenParsed(document, () => {
  document.title = t('settings_pageTitle');
  const root = document.getElementById('app');
  if (root) render(<Dashboard api={api} />, root);
});
