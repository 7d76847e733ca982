import '../styles/base.css';
import '../styles/settings.css';
import { render } from 'preact';
import { SettingsApp } from './settings-app';

const root = document.getElementById('app');
if (root !== null) render(<SettingsApp />, root);
