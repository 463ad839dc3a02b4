import type { Linter, Rule } from 'eslint';

export declare const rendererDirections: Readonly<Record<string, readonly string[]>>;
export declare function directionProblem(from: string, to: string): string | undefined;
export declare const importDirections: Rule.RuleModule;
export declare const importDirectionsPlugin: { rules: Record<string, Rule.RuleModule> };
export declare const importDirectionsConfig: Linter.Config;
