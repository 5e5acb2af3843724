/** --help texts, Chinese first, then English. */

export const MAIN_HELP = `gongkai-feed — 村务公开内容文件工具 / feed tool for township staff

用法 / usage: npx gongkai-feed <命令 command> [参数 options]

命令 / commands:
  init DIR              新建内容文件夹（含示例） / create a source folder with examples
  build DIR -o OUT      生成 feed.json 和附件（版本号自动加 1） / build feed.json and attachments (revision + 1)
  validate FILE|URL     检查格式；有错时逐条列出并返回 1 / check the format; list every error, exit 1
  lint FILE|DIR         检查隐私、账目、公示期等常见错误 / check privacy, finance, 公示 periods and more
  keygen [-o DIR]       生成签名密钥对 / create a signing key pair
  sign FILE             为 feed.json 生成签名 feed.json.sig / sign: write FILE.sig
  verify FILE           用公钥核对签名和附件 / verify FILE.sig and the attachments
  epoch FILE            写入纪元/换钥记录（恢复错误版本号或丢失的密钥） / write an epoch (key rotation) record
  diff [OLD] NEW        列出新版本增加、修改、删除了什么（OLD 可为线上地址） / what a new revision adds, changes, removes

每个命令都有帮助 / each command has help: npx gongkai-feed <命令> --help
完整说明 / guide: docs/township-guide.md`

export const HELP: Record<string, string> = {
  init: `用法 / usage: gongkai-feed init DIR

在 DIR 新建内容文件夹，带示例（DIR 须不存在或为空）：
Creates a source folder in DIR with examples (DIR must be missing or empty):
  village.json        村名、栏目、节假日 / village, categories, holidays
  checklist.csv       公开事项清单 / the disclosure checklist
  notices/*.md        公告（开头写编号、栏目、日期等；旁边同名 .csv 为表格） / notices (front matter; a .csv beside = table)
  handbook/*.md       公开手册章节 / handbook chapters
  attachments/        附件 / attachments`,
  build: `用法 / usage: gongkai-feed build DIR -o OUT [--previous URL|FILE] [--revision N]

把 DIR 生成为 OUT/feed.json，附件按 SHA-256 改名放入 OUT/files/。
版本号为上一版加 1：上一版取 OUT/feed.json，或 --previous 指定的线上地址或文件
（换了输出文件夹时务必写 --previous，否则从第 1 版开始，一体机会拒收）。
文件可以是 UTF-8 或 GBK（Excel“CSV (逗号分隔)”、记事本“ANSI”）；日期可写 2026-10-05、
2026/10/5、2026年10月5日、2026.10.5（可带时间 09:30）。检查出错误时不生成；
某条公告确需例外时，在其开头写 lint_ignore: [规则编号]。
Builds DIR into OUT/feed.json with attachments in OUT/files/ named by SHA-256.
The revision is the previous one plus one: OUT/feed.json, or --previous URL|FILE (give it when
building into a new folder). Files may be UTF-8 or GBK. Lint errors stop the build;
a notice can switch a rule off with front matter lint_ignore: [rule-id].`,
  validate: `用法 / usage: gongkai-feed validate FILE|URL

检查内容文件格式。合格返回 0；不合格返回 1，并按 JSON 路径列出每个错误。
Checks a feed. Exit 0 when valid; otherwise exit 1 with every error by JSON path.`,
  lint: `用法 / usage: gongkai-feed lint FILE|DIR [--today YYYY-MM-DD]

检查规则 / rules:
  privacy                 未遮蔽的身份证号（含校验位输错的）、手机号、银行卡号 / unmasked ID (mistyped too), mobile, bank card numbers
  finance-reconcile       期初 + 收入 − 支出 ≠ 期末，或合计不等于明细 / a finance column that does not add up
  finance-carry           本月期初 ≠ 上月期末 / a period that does not open with the last closing
  finance-unchecked       像财务表却没按财务表核对 / a finance-looking table that is not checked as one
  publicity-no-end        公示没有结束日期 / a 公示 without an end date
  publicity-too-short     公示期短于清单要求（工作日按节假日计算） / a 公示 shorter than its item requires
  publicity-unlinked      标题或栏目写“公示”却没有 checklist_item 或 expires / a 公示 without checklist_item or expires
  unknown-checklist-item  指向不存在的清单事项 / points at an unknown checklist item
  expired-pinned          已过期仍置顶 / expired but still pinned
  schema                  格式错误 / the feed format itself
有错误时返回 1。Exit 1 when there are errors.`,
  keygen: `用法 / usage: gongkai-feed keygen [-o DIR]

在 DIR（默认当前目录）生成 gongkai-private.key（私钥，妥善保管，绝不放到一体机上）
和 gongkai-public.key（公钥，写入一体机 config.json 的 publicKey）。已有密钥时不覆盖。
Writes gongkai-private.key (keep it secret; never on a kiosk) and gongkai-public.key
(goes into the kiosk's config.json as publicKey) to DIR (default: here). Never overwrites.`,
  sign: `用法 / usage: gongkai-feed sign FILE [--key PRIVATE_KEY_FILE]

对 FILE 的原始字节做 Ed25519 签名，写出 FILE.sig（base64 一行）。FILE 签名后不能再改动。
私钥默认取 ./gongkai-private.key 或环境变量 GONGKAI_PRIVATE_KEY_FILE。
Signs FILE's exact bytes (Ed25519) into FILE.sig (one base64 line). Do not change FILE afterwards.
Key: ./gongkai-private.key or $GONGKAI_PRIVATE_KEY_FILE unless --key is given.`,
  verify: `用法 / usage: gongkai-feed verify FILE [--pubkey BASE64 | --pubkey-file PATH]

用公钥核对 FILE.sig，并核对 FILE 旁边附件的 SHA-256。通过返回 0，否则返回 1。
公钥默认取 ./gongkai-public.key。
Checks FILE.sig with the public key and the SHA-256 of the attachments beside FILE.
Exit 0 when all match. Key: ./gongkai-public.key unless given.`,
  epoch: `用法 / usage: gongkai-feed epoch FILE --number N (--pubkey BASE64 | --pubkey-file PATH) --key SIGNER_PRIVATE_KEY

在 feed.json 中写入第 N 纪元记录：本纪元用 --pubkey 的密钥签名；记录由 --key 签署
（一体机当前信任的密钥，或乡镇根密钥）。用于从错误的版本号或丢失的密钥中恢复，
见 docs/feed-format.md。写入后再用本纪元的私钥 sign。
Writes the epoch N record into FILE: this epoch's feeds are signed with the --pubkey key; the
record is signed with --key (the key kiosks trust now, or the township root key). Recovers from
a bad revision or a lost key (docs/feed-format.md). Then sign FILE with this epoch's key.`,
  diff: `用法 / usage: gongkai-feed diff OLD NEW  |  gongkai-feed diff NEW

OLD、NEW 可以是文件或网址；只写 NEW 时与它的 feed_url（线上版本）比较。
OLD and NEW are files or URLs; with NEW alone, it is compared with the live feed at its feed_url.

比较两个版本，列出增加、修改、删除的公告、清单事项和手册章节，发布前请逐条核对。
Compares two revisions: notices, checklist items and chapters added, changed, removed.`,
}
