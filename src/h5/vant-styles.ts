// The stylesheets of the Vant components the H5 and the sandbox use, instead of Vant's full
// stylesheet (every component, ≈ 52 KB gzipped): each `vant/es/<component>/style` entry brings
// Vant's base (CSS variables) and the styles of the components it is built from.
// test/unit/h5-vant-styles.test.ts fails when a component imported from 'vant' has no line here.
// Imported by the entries before theme.css, so the theme's rules still win over Vant's.
import 'vant/es/badge/style/index';
import 'vant/es/button/style/index';
import 'vant/es/cell/style/index';
import 'vant/es/cell-group/style/index';
import 'vant/es/checkbox/style/index';
import 'vant/es/collapse/style/index';
import 'vant/es/collapse-item/style/index';
import 'vant/es/date-picker/style/index';
import 'vant/es/dialog/style/index';
import 'vant/es/empty/style/index';
import 'vant/es/field/style/index';
import 'vant/es/grid/style/index';
import 'vant/es/grid-item/style/index';
import 'vant/es/icon/style/index';
import 'vant/es/loading/style/index';
import 'vant/es/nav-bar/style/index';
import 'vant/es/notice-bar/style/index';
import 'vant/es/picker/style/index';
import 'vant/es/popup/style/index';
import 'vant/es/radio/style/index';
import 'vant/es/radio-group/style/index';
import 'vant/es/search/style/index';
import 'vant/es/step/style/index';
import 'vant/es/stepper/style/index';
import 'vant/es/steps/style/index';
import 'vant/es/switch/style/index';
import 'vant/es/tab/style/index';
import 'vant/es/tabs/style/index';
import 'vant/es/tag/style/index';
import 'vant/es/time-picker/style/index';
import 'vant/es/toast/style/index';
import 'vant/es/uploader/style/index';
