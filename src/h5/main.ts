// H5 entry. Vant's full stylesheet is imported once: the app uses a handful of components
// plus the function APIs (showToast, showConfirmDialog), which need their styles present.
import 'vant/lib/index.css';
import './theme.css';
import { closeToast } from 'vant';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router.ts';

const router = createAppRouter();
// A toast belongs to the page that showed it (「已提交」 on 社保例外 must not follow the person to
// the sign page). Here rather than in router.ts, which node imports without a DOM.
router.afterEach(() => closeToast());
createApp(App).use(router).mount('#app');
