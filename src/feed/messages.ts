/**
 * Bilingual reasons for feed problems. Township staff read these on #/status and
 * in the CLI, so they say what was expected in plain words, Chinese first.
 */
export interface Reason {
  zh: string
  en: string
}

const REASONS: Record<string, Reason> = {
  string: { zh: '应为文本', en: 'expected a string' },
  number: { zh: '应为数字', en: 'expected a number' },
  integer: { zh: '应为整数', en: 'expected an integer' },
  boolean: { zh: '应为 true 或 false', en: 'expected true or false' },
  array: { zh: '应为数组（列表）', en: 'expected an array' },
  object: { zh: '应为对象', en: 'expected an object' },
  non_empty: { zh: '不能为空', en: 'must not be empty' },
  non_empty_array: { zh: '至少应有一项', en: 'expected at least one entry' },
  non_negative: { zh: '不能为负数', en: 'must not be negative' },
  positive: { zh: '应为正整数', en: 'expected a positive integer' },
  date_time: { zh: '应为 RFC 3339 日期时间，例如 2026-10-05T18:00:00+08:00', en: 'expected an RFC 3339 date-time, e.g. 2026-10-05T18:00:00+08:00' },
  date: { zh: '应为日期（YYYY-MM-DD），例如 2026-10-05', en: 'expected a date (YYYY-MM-DD), e.g. 2026-10-05' },
  id: { zh: '编号只能包含字母、数字、汉字、点、横线和下划线（最长 128 个字符）', en: 'an id may hold letters, digits, Chinese characters, dots, dashes and underscores (at most 128)' },
  item_id: { zh: '编号不能为空（最长 2048 个字符）', en: 'an item id must be a non-empty string (at most 2048 characters)' },
  row: { zh: '表格的行应为单元格数组，或 {kind, cells}', en: 'a table row must be an array of cells or {kind, cells}' },
  url: { zh: '应为网址', en: 'expected a URL' },
  sha256: { zh: '应为 64 位小写十六进制 SHA-256 值', en: 'expected a 64-character lowercase hex SHA-256' },
  feed_version: { zh: '不是 JSON Feed 1.0 或 1.1（version 字段不对）', en: 'not a JSON Feed 1.0 or 1.1 (wrong version)' },
  schema_version: { zh: '不支持的格式版本，应为 1', en: 'unsupported schema version, expected 1' },
  frequency: { zh: '公开时限应为 long_term、monthly、quarterly、semiannual、yearly、on_event，"publicity:7" 这样的公示天数，或对象如 {"type": "publicity", "days": 7}', en: 'expected a frequency: long_term, monthly, quarterly, semiannual, yearly, on_event, "publicity:7", or an object such as {"type": "publicity", "days": 7}' },
  day_type: { zh: '应为 calendar（自然日）或 working（工作日）', en: 'expected calendar or working' },
  cell: { zh: '表格单元格应为文本、数字或 null', en: 'a table cell must be a string, a number or null' },
  too_long: { zh: '内容过长', en: 'too long' },
  row_kind: { zh: '未知的表格行类型', en: 'unknown table row kind' },
  table_kind: { zh: '表格类型应为 plain、finance 或 list', en: 'table kind must be plain, finance or list' },
  row_width: { zh: '每行的单元格数应与列数相同', en: 'every row must have as many cells as there are columns' },
  missing: { zh: '缺少必填项', en: 'required field is missing' },
  duplicate_id: { zh: '编号重复', en: 'duplicate id' },
  unknown_category: { zh: '未在 _gongkai.categories 中定义的栏目', en: 'category not defined in _gongkai.categories' },
  unknown_checklist_item: { zh: '未在 _gongkai.checklist 中定义的清单事项', en: 'checklist item not defined in _gongkai.checklist' },
  no_content: { zh: '每条内容必须有 content_html 或 content_text', en: 'every item needs content_html or content_text' },
  expires_before_start: { zh: '公示结束时间应晚于发布时间 date_published', en: 'expires must be later than date_published' },
  expires_needs_start: { zh: '设置了公示结束时间，就必须有发布时间 date_published', en: 'an item with expires needs date_published' },
  not_json: { zh: '不是有效的 JSON 数据（文件可能损坏或下载不完整）', en: 'not valid JSON (the file may be damaged or cut short)' },
  not_json_html: { zh: '收到的是网页而不是数据（可能是需要登录的无线网络，或地址有误）', en: 'received a web page instead of data (a Wi-Fi login page, or a wrong address)' },
  duplicate_key: { zh: '同一字段出现了两次', en: 'the same key appears twice' },
  unpinned_file: { zh: '签名内容中的图片缺少 SHA-256（_gongkai.files）', en: 'an image of a signed feed has no SHA-256 in _gongkai.files' },
  file_dropped: { zh: '图片无法获取或来自不允许的网站，已略去', en: 'an image could not be fetched or comes from a site not allowed; left out' },
  not_object: { zh: '内容应为 JSON 对象', en: 'the document must be a JSON object' },
  dropped_optional: { zh: '可选字段格式不对，已忽略', en: 'malformed optional field ignored' },
  ignored_category: { zh: '此订阅没有 _gongkai 栏目定义，已放入默认栏目', en: 'feed has no _gongkai categories; item put in the default category' },
  invalid: { zh: '格式不对', en: 'invalid value' },
}

export function reason(code: string): Reason {
  return REASONS[code] ?? REASONS.invalid!
}

export function hasReason(code: string): boolean {
  return code in REASONS
}
