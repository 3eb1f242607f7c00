// A regional WAF in front of the API stage. Rules are chosen for a machine-to-machine API:
// the AWS "common rule set" is left out because its browser-oriented rules (8 KB body limit,
// required User-Agent) would reject legitimate API clients.
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { EDGE_PROBLEMS, problemBody } from '../problem-body.js';

export interface ApiFirewallProps {
  readonly name: string;
  readonly stage: Stage;
  readonly requestsPerIpPer5Min: number;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  metricName,
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
});

const managedRuleGroup = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: visibility(name),
});

export class ApiFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      // WAF only offers text/html/json content types; the body itself is the Synctera problem.
      customResponseBodies: {
        RateLimited: {
          contentType: 'APPLICATION_JSON',
          content: problemBody(EDGE_PROBLEMS.rateLimited),
        },
      },
      rules: [
        managedRuleGroup('AWSManagedRulesAmazonIpReputationList', 0),
        managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet', 1),
        {
          name: 'RequestsPerIp',
          priority: 2,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'RateLimited' } } },
          statement: {
            rateBasedStatement: { limit: props.requestsPerIpPer5Min, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility('RequestsPerIp'),
        },
      ],
    });

    const association = new wafv2.CfnWebACLAssociation(this, 'StageAssociation', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    association.node.addDependency(props.stage);
  }
}
