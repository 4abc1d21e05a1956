// GOV.UK Frontend's components on every console page (the error summary takes focus, radios reveal, the menu
// folds on a phone): a module, so a browser too old for them runs none of this, as GOV.UK Frontend intends.
import { initAll } from './govuk/govuk-frontend.min.js';

initAll();
