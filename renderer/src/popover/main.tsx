import '../styles/base.css';
import '../styles/popover.css';
import '../styles/popover-rows.css';
import { render } from 'preact';
import { PopoverApp } from './popover-app';

const root = document.getElementById('app');
if (root !== null) render(<PopoverApp />, root);
