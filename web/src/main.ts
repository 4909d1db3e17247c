// Entry point: applies the remembered preferences before the first paint, then mounts.
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { applyElderlyMode, savedElderlyMode } from './lib/prefs';
import './styles/main.css';
import './styles/nav.css';

applyElderlyMode(savedElderlyMode());
document.documentElement.lang = i18n.global.locale.value;

createApp(App).use(router).use(i18n).mount('#app');
