/** Renderer entry: mounts the workbench into #app. */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('renderer/index.html has no #app element to mount the workbench into');

export default mount(App, { target });
