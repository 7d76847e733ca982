import '../styles/base.css';
import '../styles/picker.css';
import { render } from 'preact';
import { PickerApp } from './picker-app';

const root = document.getElementById('app');
if (root !== null) render(<PickerApp />, root);
