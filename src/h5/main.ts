// H5 entry. Vant's full stylesheet is imported once: the app uses a handful of components
// plus the function APIs (showToast, showConfirmDialog), which need their styles present.
import 'vant/lib/index.css';
import './theme.css';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router.ts';

createApp(App).use(createAppRouter()).mount('#app');
