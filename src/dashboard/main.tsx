import { render } from 'preact';
import { t } from '../ui/i18n.js';
import { Dashboard } from './Dashboard.js';
import { realDashboardApi } from './realDashboardApi.js';
import { withPrefetch } from './prefetch.js';

document.title = t('settings_pageTitle');
const root = document.getElementById('app');
// The opening view's settings and rollups are asked for before the first render, in parallel.
if (root) render(<Dashboard api={withPrefetch(realDashboardApi(), location.hash)} />, root);
