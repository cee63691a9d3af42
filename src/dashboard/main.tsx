import { render } from 'preact';
import { t } from '../ui/i18n.js';
import { Dashboard } from './Dashboard.js';
import { realDashboardApi } from './realDashboardApi.js';

document.title = t('settings_pageTitle');
const root = document.getElementById('app');
if (root) render(<Dashboard api={realDashboardApi()} />, root);
