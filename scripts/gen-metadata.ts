import { readFileSync, writeFileSync } from 'node:fs'
import { CONFIG_SECTIONS } from '../src/config/file.js'
import { actionYaml, configurationReference, withReadmeTables } from './metadata.js'

writeFileSync('action.yml', actionYaml())
writeFileSync('README.md', withReadmeTables(readFileSync('README.md', 'utf8')))
writeFileSync('docs/configuration.md', configurationReference(CONFIG_SECTIONS))
