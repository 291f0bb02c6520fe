// Entry of the sandbox chat (/sandbox): a second page of the H5 build that stands in for the
// WeCom / DingTalk chat window while no platform is configured.
import '../vant-styles.ts';
import '../theme.css';
import './sandbox.css';
import { createApp } from 'vue';
import SandboxApp from './SandboxApp.vue';

createApp(SandboxApp).mount('#sandbox');
