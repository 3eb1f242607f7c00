import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildBankline } from '../lib/bankline-app.js';

const app = new App();
buildBankline(app, app.node.tryGetContext('stage'));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
