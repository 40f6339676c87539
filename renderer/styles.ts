/**
 * The window's stylesheets, in cascade order: imported once by the renderer's entry and by the
 * editor benchmarks' page, so that what is measured is styled as the app is (an unstyled outline
 * is not virtualised: its scroller has no height, and every row is rendered).
 */
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/toolbar.css';
import './styles/outline.css';
import './styles/status-bar.css';
import './styles/dialogs.css';
import './styles/checks.css';
import './styles/changes.css';
import './styles/page.css';
import './styles/proposals.css';
import './styles/language-versions.css';
