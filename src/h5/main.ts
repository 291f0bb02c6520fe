// H5 entry. The styles of the Vant components the app uses are imported once, here, before the
// theme: the function APIs (showToast, showConfirmDialog) need theirs present before first use.
import './vant-styles.ts';
import './theme.css';
import { closeToast } from 'vant';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter, startLoadingPage } from './router.ts';

const router = createAppRouter();
startLoadingPage(router.resolve(router.options.history.location));
// A toast belongs to the page that showed it (「已提交」 on 社保例外 must not follow the person to
// the sign page). Here rather than in router.ts, which node imports without a DOM.
router.afterEach(() => closeToast());
createApp(App).use(router).mount('#app');
