/**
 * gongkai-feed: the township staff's tool. Turns a source folder into a
 * signed feed and stops mistakes before they are published.
 * Entry: bin/gongkai-feed.mjs (the compiled dist-cli/ when installed, this file through tsx in the repository).
 */
import { parseArgs } from 'node:util'
import { HELP, MAIN_HELP } from './help'
import { consoleIo, UsageError, type Io } from './io'
import { init } from './commands/init'
import { build } from './commands/build'
import { validate } from './commands/validate'
import { lintTarget } from './commands/lint'
import { epoch, keygen, PRIVATE_KEY_FILE, readPublicKey, sign, verify } from './commands/keys'
import { diff } from './commands/diff'

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  revision: { type: 'string' },
  previous: { type: 'string' },
  today: { type: 'string' },
  key: { type: 'string' },
  pubkey: { type: 'string' },
  'pubkey-file': { type: 'string' },
  number: { type: 'string' },
} as const

function need(args: string[], n: number, command: string): string[] {
  if (args.length < n) throw new UsageError(`参数不足 / missing arguments\n\n${HELP[command]}`)
  return args
}

/** Runs one command; returns the exit code (0 ok, 1 the feed has problems, 2 wrong usage). */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    const [command, ...args] = positionals
    if (!command || command === 'help') {
      io.out(MAIN_HELP)
      return command || values.help ? 0 : 2
    }
    if (!(command in HELP)) throw new UsageError(`未知命令 / unknown command: ${command}\n\n${MAIN_HELP}`)
    if (values.help) {
      io.out(HELP[command]!)
      return 0
    }
    switch (command) {
      case 'init':
        return init(need(args, 1, command)[0]!, io)
      case 'build': {
        const [dir] = need(args, 1, command)
        if (!values.out) throw new UsageError(`缺少 -o 输出文件夹 / missing -o OUT\n\n${HELP.build}`)
        const revision = values.revision === undefined ? undefined : Number(values.revision)
        if (revision !== undefined && !(Number.isSafeInteger(revision) && revision > 0)) throw new UsageError('--revision 应为正整数 / must be a positive integer')
        return await build(dir!, values.out, io, { revision, previous: values.previous })
      }
      case 'validate':
        return await validate(need(args, 1, command)[0]!, io)
      case 'lint':
        return (await lintTarget(need(args, 1, command)[0]!, io, values.today)).code
      case 'keygen':
        return await keygen(values.out ?? '.', io)
      case 'sign':
        return await sign(need(args, 1, command)[0]!, values.key ?? process.env.GONGKAI_PRIVATE_KEY_FILE ?? PRIVATE_KEY_FILE, io)
      case 'verify':
        return await verify(need(args, 1, command)[0]!, readPublicKey({ pubkey: values.pubkey, pubkeyFile: values['pubkey-file'] }), io)
      case 'epoch': {
        const number = Number(values.number)
        if (!(Number.isSafeInteger(number) && number > 0)) throw new UsageError(`--number 应为正整数 / must be a positive integer\n\n${HELP.epoch}`)
        if (!values.key) throw new UsageError(`缺少 --key 签署记录的私钥 / missing --key (the key that signs the record)\n\n${HELP.epoch}`)
        return await epoch(need(args, 1, command)[0]!, number, readPublicKey({ pubkey: values.pubkey, pubkeyFile: values['pubkey-file'] }), values.key, io)
      }
      case 'diff': {
        const [a, b] = need(args, 1, command)
        return await diff(a!, b, io)
      }
    }
    return 2
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(String((e as Error).message))
      return 2
    }
    throw e
  }
}
