import { readFileSync, writeFileSync } from 'node:fs'
import { actionYaml, withReadmeTables } from './metadata.js'

writeFileSync('action.yml', actionYaml())
writeFileSync('README.md', withReadmeTables(readFileSync('README.md', 'utf8')))
