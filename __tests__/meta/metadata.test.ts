import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { CONFIG_SECTIONS } from '../../src/config/file.js'
import { INPUT_SPECS, OUTPUT_SPECS } from '../../src/config/schema.js'
import {
  actionYaml,
  configurationReference,
  README_END,
  README_START,
  readmeTables
} from '../../scripts/metadata.js'

const read = (path: string): string => readFileSync(path, 'utf8')

describe('action metadata', () => {
  it('action.yml is the one generated from the input schema', () => {
    expect(read('action.yml')).toBe(actionYaml())
  })

  it('action.yml declares every input and output of the schema and runs the bundle on node24', () => {
    const action = parse(read('action.yml'))
    expect(Object.keys(action.inputs)).toEqual(INPUT_SPECS.map(s => s.name))
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_SPECS.map(o => o.name))
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync(action.runs.main)).toBe(true)
    for (const spec of INPUT_SPECS) expect(action.inputs[spec.name].description.length).toBeGreaterThan(10)
  })

  it("the README's inputs/outputs tables equal action.yml", () => {
    expect(read('README.md')).toContain(readmeTables())
    const action = parse(read('action.yml'))
    const readme = read('README.md')
    const generated = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END))
    const readmeInputs = [...generated.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1])
    expect(readmeInputs).toEqual([...Object.keys(action.inputs), ...Object.keys(action.outputs)])
  })

  it('docs/configuration.md is generated from the schema', () => {
    expect(read('docs/configuration.md')).toBe(configurationReference(CONFIG_SECTIONS))
  })

  it('the README starts with what CI Medic is and the two commands', () => {
    const head = read('README.md').split('\n').slice(0, 12).join('\n')
    expect(head).toMatch(/^# CI Medic/)
    expect(head).toContain('npm ci && npm run demo')
    expect(head).toContain('npm ci && npm test')
  })
})
