package io.ossimport.core.config;

import static io.ossimport.core.config.ConfigKey.key;
import static io.ossimport.core.config.ValueType.BOOLEAN;
import static io.ossimport.core.config.ValueType.CHOICE;
import static io.ossimport.core.config.ValueType.INTEGER;
import static io.ossimport.core.config.ValueType.SECRET;
import static io.ossimport.core.config.ValueType.SIZE;
import static io.ossimport.core.config.ValueType.TEXT;

import java.util.Arrays;

/**
 * The catalogue of job keys ({@code conf/local_job.cfg}, distributed {@code conf/job.cfg}): names,
 * defaults and meanings of the original ossimport 2.x (reference {@code ossimport.md} §2.2), with
 * the rules this implementation checks.
 */
public final class JobKeys {
  private static final String CONTROL = "Job control";
  private static final String SOURCE = "Source";
  private static final String DEST = "Destination";
  private static final String SPLIT = "Splitting and scanning";
  private static final String UPLOAD = "Upload behaviour";
  private static final String VERIFY = "Verification";
  private static final String SPECIFIC = "Source-specific keys";
  private static final String FILTERS = "Filters";
  private static final String ATTRIBUTES = "Object attributes";
  private static final String TUNNEL = "Express Connect (recognised, not supported)";

  private static final long KB = 1024L;
  private static final long MB = KB * 1024;
  private static final long GB = MB * 1024;
  private static final int INT_MAX = Integer.MAX_VALUE;

  public static final ConfigKey JOB_NAME =
      key("jobName", TEXT)
          .group(CONTROL)
          .defaultValue("local_test")
          .pattern("[a-zA-Z0-9_-]{4,128}", "4 to 128 letters, digits, '_' or '-'")
          .describe("Unique job id. The standalone scripts of the original always use local_test.")
          .rule("Pattern [a-zA-Z0-9_-]{4,128}.")
          .reference("§2.2 Job control [C, S1, S3, S4, S10]")
          .build();
  public static final ConfigKey JOB_TYPE =
      key("jobType", CHOICE)
          .group(CONTROL)
          .defaultValue("import")
          .choices("import", "audit")
          .describe("import = migrate (and verify if isAuditAfterImport); audit = only compare.")
          .rule("import or audit, case-sensitive.")
          .reference("§2.2 Job control [C, S3, S8]")
          .build();
  public static final ConfigKey IS_INCREMENTAL =
      key("isIncremental", BOOLEAN)
          .group(CONTROL)
          .defaultValue("false")
          .describe(
              "true: a full pass, then a rescan every incrementalModeInterval seconds that"
                  + " uploads new or changed files; the job never finishes.")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Job control, §5.7 [C, S3, S8, S14]")
          .build();
  public static final ConfigKey INCREMENTAL_MODE_INTERVAL =
      key("incrementalModeInterval", INTEGER)
          .group(CONTROL)
          .defaultValue("86400")
          .range(1, Long.MAX_VALUE)
          .describe("Seconds between incremental rescans.")
          .rule(
              "Whole number ≥ 1; at least 900 when isIncremental=true (problem); below 3600 in"
                  + " incremental mode gives a warning (wasted list requests and cost).")
          .reference("§2.2 Job control, §5.7 [C, S1, S3]")
          .build();
  public static final ConfigKey IMPORT_SINCE =
      key("importSince", INTEGER)
          .group(CONTROL)
          .defaultValue("0")
          .atLeast(0)
          .describe(
              "Unix time in seconds: only objects modified later than this are imported;"
                  + " 0 = all. In incremental mode it applies to the first full pass only. The"
                  + " older ones are counted as skipped (OLDER_THAN_IMPORT_SINCE) and listed in"
                  + " master/jobs/<job>/skipped.list.")
          .rule(
              "Whole number ≥ 0 (epoch seconds); a value above 99999999999 (year 5138) is"
                  + " refused as probably milliseconds.")
          .reference("§2.2 Job control, §5.6 [C, S1, S3, S8]")
          .build();
  public static final ConfigKey LAST_MODIFY =
      key("lastModify", INTEGER)
          .group(CONTROL)
          .defaultValue("0")
          .atLeast(0)
          .describe(
              "Unix time in seconds: files modified after this are skipped during"
                  + " verification; 0 = verify everything.")
          .rule("As importSince: whole number ≥ 0, epoch seconds, not milliseconds.")
          .reference("§2.2 Job control [C, S1]")
          .build();
  public static final ConfigKey IS_SKIP_EXIST_FILE =
      key("isSkipExistFile", BOOLEAN)
          .group(CONTROL)
          .defaultValue("false")
          .describe(
              "true: skip files whose object already exists with the same size and"
                  + " last-modified time; false: always overwrite. Ignored when jobType=audit.")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Job control, §5.5 [C, S1, S3, S14, S16]")
          .build();
  // --- listing-based skip (issue 15 item 3): keep these keys together ---
  public static final ConfigKey SKIP_EXIST_MODE =
      key("skipExistMode", CHOICE)
          .group(CONTROL)
          .defaultValue("head")
          .choices("head", "list", "auto")
          .describe(
              "How isSkipExistFile looks at the destination. head = one HEAD per object (the"
                  + " original); list = one listing of each task's key range (ListObjects, 1,000"
                  + " keys a request); auto = list when a task has at least 2 objects to check,"
                  + " giving up for HEADs once the pages read equal the objects still unresolved."
                  + " Same decision in every mode: same size, Last-Modified not older than the"
                  + " source.")
          .rule("head, list or auto, case-sensitive; used only with isSkipExistFile=true.")
          .reference(
              "§2.2 Job control, §5.5 (the original HEADs each file); new here, rclone"
                  + " --fast-list / --no-traverse")
          .build();
  // --- end of listing-based skip keys ---

  private static final String FILTER_ITEMS =
      " Several items: separate them with ';' (\\; is a literal ';') or repeat the key on"
          + " further lines of the same file.";
  private static final String GLOB_SYNTAX =
      " Patterns are rclone globs over the path relative to the source root (the destination"
          + " key without destPrefix): * any characters but '/', ** any characters, ? one"
          + " character but '/', [abc] [a-z] [!a] a class, {a,b} alternatives, \\c the character"
          + " c; a leading '/' anchors at the root, otherwise the pattern matches whole path"
          + " elements at the end (*.jpg matches a.jpg and d/a.jpg). Excluded objects are counted"
          + " as skipped (EXCLUDED_BY_FILTER) and listed in master/jobs/<job>/skipped.list.";
  private static final String FILTER_ORDER =
      " Precedence as rclone's: include patterns, then exclude patterns, then filter rules are"
          + " tried in that order and the first that matches decides; a path none matches is"
          + " included, except that any include pattern adds a final '- **'.";

  public static final ConfigKey INCLUDE =
      key("include", TEXT)
          .group(FILTERS)
          .repeatable()
          .describe(
              "Glob patterns of the objects to migrate; when set, every other object is skipped."
                  + GLOB_SYNTAX)
          .rule(
              "Optional; each item a valid glob (no '{{regexp}}', no trailing '/')."
                  + FILTER_ITEMS
                  + FILTER_ORDER
                  + " Setting both include and exclude gives a warning: use filter.")
          .reference("§2.2 Job control (filters: none in the original); new here, rclone --include")
          .build();
  public static final ConfigKey EXCLUDE =
      key("exclude", TEXT)
          .group(FILTERS)
          .repeatable()
          .describe("Glob patterns of the objects not to migrate (as include).")
          .rule("Optional; as include." + FILTER_ITEMS)
          .reference("§2.2 Job control (filters: none in the original); new here, rclone --exclude")
          .build();
  public static final ConfigKey FILTER =
      key("filter", TEXT)
          .group(FILTERS)
          .repeatable()
          .describe(
              "Ordered rules '+ pattern' (migrate) and '- pattern' (skip), tried after include"
                  + " and exclude; the first that matches decides. E.g. '- *.tmp; + /photos/**;"
                  + " - **' migrates photos/ except .tmp files.")
          .rule(
              "Optional; each item '+ ' or '- ' and a valid glob (as include); rclone's '!' (clear"
                  + " the rules) is not supported."
                  + FILTER_ITEMS)
          .reference("§2.2 Job control (filters: none in the original); new here, rclone --filter")
          .build();
  public static final ConfigKey MIN_SIZE =
      key("minSize", SIZE)
          .group(FILTERS)
          .defaultValue("0")
          .describe(
              "Objects smaller than this are skipped (SMALLER_THAN_MIN_SIZE, counted, in"
                  + " skipped.list); 0 = no lower bound.")
          .rule("Size ≥ 0; bytes or k/m/g suffix (1024-based); not above maxSize when that is set.")
          .reference(
              "§2.2 Job control (filters: none in the original); new here, rclone --min-size")
          .build();
  public static final ConfigKey MAX_SIZE =
      key("maxSize", SIZE)
          .group(FILTERS)
          .defaultValue("0")
          .describe(
              "Objects larger than this are skipped (LARGER_THAN_MAX_SIZE, counted, in"
                  + " skipped.list); 0 = no upper bound.")
          .rule("Size ≥ 0; bytes or k/m/g suffix (1024-based); 0 or at least minSize.")
          .reference(
              "§2.2 Job control (filters: none in the original); new here, rclone --max-size")
          .build();
  public static final ConfigKey IMPORT_UNTIL =
      key("importUntil", INTEGER)
          .group(FILTERS)
          .defaultValue("0")
          .atLeast(0)
          .describe(
              "Unix time in seconds: objects modified after it are skipped"
                  + " (NEWER_THAN_IMPORT_UNTIL, counted, in skipped.list); 0 = no upper bound. With"
                  + " importSince it makes a time window; in incremental mode it applies to every"
                  + " round.")
          .rule(
              "Whole number ≥ 0 (epoch seconds, not milliseconds, as importSince); above"
                  + " importSince when both are set.")
          .reference(
              "§2.2 Job control (filters: none in the original); new here, rclone --min-age (as an absolute time)")
          .build();

  public static final ConfigKey SRC_TYPE =
      key("srcType", CHOICE)
          .group(SOURCE)
          .defaultValue("local")
          .choices("local", "oss", "s3", "qiniu", "bos", "ks3", "cos", "http", "azure")
          .answer(
              "youpai",
              "UPYUN (youpai) sources are recognised but not implemented",
              "migrate UPYUN data with the original ossimport 2.x or Alibaba Cloud Data Online"
                  + " Migration")
          .answer("baidu", "Baidu BOS is written bos", "write srcType=bos")
          .describe("Kind of source: a local directory, another object store or an HTTP URL list.")
          .rule(
              "One of local, oss, s3, qiniu, bos, ks3, cos, http, azure; case-sensitive."
                  + " youpai is refused as not implemented.")
          .reference("§2.2 Source, §6 [C, S1, S3, S11]")
          .build();
  public static final ConfigKey SRC_ACCESS_KEY =
      key("srcAccessKey", TEXT)
          .group(SOURCE)
          .describe(
              "AccessKey id of the source store; storage account name for azure. Ignored for"
                  + " local and http.")
          .rule("Required for oss, s3, qiniu, bos, ks3, cos and azure.")
          .reference("§2.2 Source [C, S1, S3]")
          .build();
  public static final ConfigKey SRC_SECRET_KEY =
      key("srcSecretKey", SECRET)
          .group(SOURCE)
          .describe(
              "AccessKey secret of the source store; account key for azure. Ignored for local"
                  + " and http. Never shown.")
          .rule("Required for oss, s3, qiniu, bos, ks3, cos and azure.")
          .reference("§2.2 Source [C, S1, S3]")
          .build();
  public static final ConfigKey SRC_SECURITY_TOKEN =
      key("srcSecurityToken", SECRET)
          .group(SOURCE)
          .describe(
              "STS security token of a temporary source AccessKey (srcType=oss); empty for a"
                  + " permanent AccessKey. Never shown; read again from where it came at each"
                  + " start, and when OSS answers that it expired.")
          .rule(
              "Optional. Set it with srcAccessKey and srcSecretKey of the same STS credentials,"
                  + " in the same file so that a refresher can rewrite all three.")
          .reference("§2.2 Source; new here (the original had no STS tokens)")
          .build();
  public static final ConfigKey SRC_DOMAIN =
      key("srcDomain", TEXT)
          .group(SOURCE)
          .describe(
              "Source endpoint (see the reference §6 per type: OSS region endpoint, qiniu bucket"
                  + " domain, COS region, azure EndpointSuffix). Ignored for local and http.")
          .rule(
              "Required for oss, s3, qiniu, bos, ks3 and azure. For oss: an http(s) URL without"
                  + " the bucket name in the host, as destDomain.")
          .reference("§2.2 Source, §6 [C, S1, S3]")
          .build();
  public static final ConfigKey SRC_BUCKET =
      key("srcBucket", TEXT)
          .group(SOURCE)
          .describe("Source bucket (azure: container), without '/'. Ignored for local and http.")
          .rule(
              "Required for oss, s3, qiniu, bos, ks3, cos and azure; no '/'. For oss: the OSS"
                  + " bucket naming rules, as destBucket.")
          .reference("§2.2 Source, §5.12 [C, S1, S3, S6]")
          .build();
  public static final ConfigKey SRC_PREFIX =
      key("srcPrefix", TEXT)
          .group(SOURCE)
          .describe(
              "local: the absolute directory to migrate, ending with '/'. Every entry below it"
                  + " ends uploaded, skipped by a rule (counted, in skipped.list: links while"
                  + " isAllowSymbolicLink=false, importSince, isSkipExistFile, empty directories,"
                  + " for which no object is made, as in the original) or failed (counted, in"
                  + " error.list, the job Failed: unreadable files and directories, FIFOs,"
                  + " sockets, devices, undecodable names, broken links). Other stores: the key"
                  + " prefix to migrate (empty = everything). Ignored for http.")
          .rule(
              "local: required; absolute (/data/x/, C:/x/ or C:\\x\\); ends with the separator;"
                  + " no doubled separators. cos: starts and ends with '/'. oss: does not start"
                  + " with '/'.")
          .reference("§2.2 Source, §6, §8 [C, S1, S3, S7, S10]")
          .build();

  public static final ConfigKey DEST_ACCESS_KEY =
      key("destAccessKey", TEXT)
          .group(DEST)
          .describe("OSS AccessKey id (a RAM user is recommended).")
          .rule("Required; if empty, taken from the environment variable OSS_ACCESS_KEY_ID.")
          .reference("§2.2 Destination [C, S3, S9]; environment fallback: ARCHITECTURE §4")
          .build();
  public static final ConfigKey DEST_SECRET_KEY =
      key("destSecretKey", SECRET)
          .group(DEST)
          .describe("OSS AccessKey secret. Never shown.")
          .rule("Required; if empty, taken from the environment variable OSS_ACCESS_KEY_SECRET.")
          .reference("§2.2 Destination [C, S3, S9]; environment fallback: ARCHITECTURE §4")
          .build();
  public static final ConfigKey DEST_SECURITY_TOKEN =
      key("destSecurityToken", SECRET)
          .group(DEST)
          .describe(
              "STS security token of a temporary OSS AccessKey; empty for a permanent AccessKey."
                  + " Never shown; read again from where it came at each start, and when OSS"
                  + " answers that it expired (SecurityTokenExpired), so a refresher that"
                  + " rewrites the job file keeps a long job running.")
          .rule(
              "Optional; if empty while destSecretKey comes from the environment, taken from"
                  + " the environment variable OSS_SESSION_TOKEN. Keep destAccessKey,"
                  + " destSecretKey and destSecurityToken of one STS answer in the same place.")
          .reference("§2.2 Destination; new here (the original had no STS tokens)")
          .build();
  public static final ConfigKey DEST_DOMAIN =
      key("destDomain", TEXT)
          .group(DEST)
          .describe(
              "OSS region endpoint, e.g. http://oss-cn-hangzhou-internal.aliyuncs.com (the"
                  + " -internal endpoints work only from ECS in the same region).")
          .rule(
              "Required (the template's Hangzhou value is an example, not a default); http:// or"
                  + " https:// URL with a host and optional port, no path, query or user; the"
                  + " host must not start with the bucket name (OSS answers InvalidBucketName).")
          .reference("§2.2 Destination, §8 [C, S1, S3, S6, S12]")
          .build();
  public static final ConfigKey DEST_BUCKET =
      key("destBucket", TEXT)
          .group(DEST)
          .describe("Destination bucket name only: no '/', no path.")
          .rule(
              "Required; 3 to 63 characters of lowercase letters, digits and '-', starting and"
                  + " ending with a letter or digit.")
          .reference("§2.2 Destination, §5.12 [C, S3, S6]")
          .build();
  public static final ConfigKey DEST_PREFIX =
      key("destPrefix", TEXT)
          .group(DEST)
          .describe(
              "Prefix put before each relative path to form the object key; end it with '/' to"
                  + " target a \"directory\". Empty = bucket root.")
          .rule(
              "Must not start with '/' or '\\'; at most 1022 bytes of UTF-8; no control"
                  + " characters. Warnings when it does not end with '/' or contains '\\'. With"
                  + " srcType=oss and destBucket=srcBucket it must neither start with srcPrefix"
                  + " nor begin it.")
          .reference("§2.2 Destination, §5.12, §8 [C, S1, S3, S6, S12]")
          .build();

  public static final ConfigKey TASK_OBJECT_COUNT_LIMIT =
      key("taskObjectCountLimit", INTEGER)
          .group(SPLIT)
          .defaultValue("10000")
          .range(1, 50000)
          .describe(
              "Most files per task. Rule of thumb: total files / workers / workerTaskThreadNum.")
          .rule("Whole number from 1 to 50000.")
          .reference("§2.2 Splitting and scanning, §5.3 [C, S1, S3, S8, S10]")
          .build();
  public static final ConfigKey TASK_OBJECT_SIZE_LIMIT =
      key("taskObjectSizeLimit", SIZE)
          .group(SPLIT)
          .defaultValue("1000000000")
          .atLeast(1)
          .describe("Most bytes per task (a file is never split across tasks). Ignored for http.")
          .rule("Size ≥ 1 byte; bytes or k/m/g suffix.")
          .reference("§2.2 Splitting and scanning, §5.3 [C, S1, S3, S8]")
          .build();
  public static final ConfigKey SCAN_THREAD_COUNT =
      key("scanThreadCount", INTEGER)
          .group(SPLIT)
          .defaultValue("1")
          .range(1, 32)
          .describe("Parallel listing threads.")
          .rule("Whole number from 1 to 32.")
          .reference("§2.2 Splitting and scanning [C, S1, S3]")
          .build();
  public static final ConfigKey MAX_MULTI_THREAD_SCAN_DEPTH =
      key("maxMultiThreadScanDepth", INTEGER)
          .group(SPLIT)
          .defaultValue("1")
          .range(1, 16)
          .describe("Deepest directory level listed in parallel; 1 = top-level directories only.")
          .rule("Whole number from 1 to 16.")
          .reference("§2.2 Splitting and scanning [C, S1, S3]")
          .build();

  public static final ConfigKey MULTIPART_UPLOAD_THRESHOLD =
      key("multipartUploadThreshold", SIZE)
          .group(UPLOAD)
          .defaultValue("150m")
          .range(MB, 5 * GB)
          .describe("Files larger than this use multipart upload; others a single PUT.")
          .rule(
              "Size from 1m to 5g (the largest single PUT); not smaller than"
                  + " multipartUploadPartSize.")
          .reference("§2.2 Upload behaviour, §5.4 [C, S1, S2, S15]")
          .build();
  public static final ConfigKey MULTIPART_UPLOAD_PART_SIZE =
      key("multipartUploadPartSize", SIZE)
          .group(UPLOAD)
          .defaultValue("50m")
          .range(100 * KB, 5 * GB)
          .orAuto()
          .describe(
              "Part size of multipart uploads. auto (opt-in): chosen per file, so that a file"
                  + " has at least four rounds of parts in flight: 8m to 64m, larger only where"
                  + " 10,000 parts need it (docs/WORKER.md §2). A size: that size, larger"
                  + " only where 10,000 parts need it. A resumed upload keeps the part size it"
                  + " began with.")
          .rule(
              "auto, or a size from 100k to 5g (OSS part limits; the original silently used 50m"
                  + " below 100k).")
          .reference("§2.2 Upload behaviour [C, S1]; OSS part limits: ARCHITECTURE §7")
          .build();
  public static final ConfigKey UPLOAD_THREAD_NUM_PER_LARGE_FILE =
      key("uploadThreadNumPerLargeFile", INTEGER)
          .group(UPLOAD)
          .defaultValue("3")
          .range(1, INT_MAX)
          .orAuto()
          .describe(
              "Parts of one large file uploaded in parallel (every srcType here; the original:"
                  + " local only). auto (opt-in): up to 16, fewer when the file has fewer parts"
                  + " (docs/WORKER.md §2).")
          .rule("auto, or a whole number ≥ 1.")
          .reference("§2.2 Upload behaviour [C, S1, S2]")
          .build();
  public static final ConfigKey IS_SERVER_SIDE_ENCRYPTION =
      key("isServerSideEncryption", BOOLEAN)
          .group(UPLOAD)
          .defaultValue("false")
          .describe("Store objects with OSS server-side encryption.")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Upload behaviour [C, S1]")
          .build();
  public static final ConfigKey IS_ALLOW_SYMBOLIC_LINK =
      key("isAllowSymbolicLink", BOOLEAN)
          .group(UPLOAD)
          .defaultValue("false")
          .describe(
              "local only: upload symlinked files (symlinked directories are never followed)."
                  + " false: every link is counted as skipped (SYMBOLIC_LINK_NOT_ALLOWED) and"
                  + " listed in master/jobs/<job>/skipped.list; the job still succeeds.")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Upload behaviour, §5.2 [C, S1, S2]")
          .build();

  // ---- Object attributes (issue 15 item 2): what every written object carries ----
  private static final String ATTRIBUTES_REFERENCE =
      "§2.2 Upload behaviour (the original set none of these); new here, ossutil --storage-class,"
          + " --acl, --tagging, --meta";
  public static final ConfigKey STORAGE_CLASS =
      key("storageClass", CHOICE)
          .group(ATTRIBUTES)
          .choices("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive")
          .describe(
              "Storage class of every object written (x-oss-storage-class on PutObject,"
                  + " InitiateMultipartUpload and CopyObject). Empty = the bucket's class, as the"
                  + " original (or the source's with keepSourceAttributes=true). Archive,"
                  + " ColdArchive and DeepColdArchive objects cannot be read until restored, and"
                  + " cost a minimum storage time.")
          .rule(
              "Empty or one of Standard, IA, Archive, ColdArchive, DeepColdArchive; case-sensitive.")
          .reference(ATTRIBUTES_REFERENCE)
          .build();
  public static final ConfigKey OBJECT_ACL =
      key("objectAcl", CHOICE)
          .group(ATTRIBUTES)
          .choices("default", "private", "public-read", "public-read-write")
          .describe(
              "ACL of every object written (x-oss-object-acl). Empty = none set: the object"
                  + " follows the bucket's ACL, as the original; default says the same explicitly.")
          .rule(
              "Empty or one of default, private, public-read, public-read-write; case-sensitive."
                  + " public-read-write gives a warning (anyone could overwrite the objects).")
          .reference(ATTRIBUTES_REFERENCE)
          .build();
  public static final ConfigKey OBJECT_TAGGING =
      key("objectTagging", TEXT)
          .group(ATTRIBUTES)
          .describe(
              "Tags of every object written, key=value pairs joined by '&' as ossutil --tagging,"
                  + " e.g. project=photos&team=media (x-oss-tagging, URL-encoded by ossimport)."
                  + " Empty = no tags. A server-side copy (OSS source) with this empty keeps the"
                  + " source's tags (OSS copies them); set, it replaces them.")
          .rule(
              "Empty, or at most 10 tags with different keys of 1 to 128 characters and values"
                  + " of at most 256 (a key without '=' has an empty value); only letters, digits,"
                  + " space and + - = . _ : / (OSS's tag rules).")
          .reference(ATTRIBUTES_REFERENCE)
          .build();
  public static final ConfigKey OBJECT_HEADERS =
      key("objectHeaders", TEXT)
          .group(ATTRIBUTES)
          .repeatable()
          .describe(
              "Headers set on every object written, 'Name: value' items separated by '#' (as"
                  + " ossutil --meta; \\# is a literal '#') or on further lines of the same file,"
                  + " e.g. Cache-Control: max-age=3600#Content-Disposition: attachment. They win"
                  + " over the source's; Content-Type replaces the type from the source or the"
                  + " file name, x-oss-meta-<name> adds user metadata. Empty = none.")
          .rule(
              "Empty, or items whose names are Cache-Control, Content-Disposition,"
                  + " Content-Encoding, Content-Language, Content-Type, Expires or"
                  + " x-oss-meta-<letters, digits, '-'> (case-insensitive), each once, with a"
                  + " printable ASCII value; Expires an HTTP date (Thu, 01 Dec 2033 16:00:00 GMT).")
          .reference(ATTRIBUTES_REFERENCE)
          .build();
  public static final ConfigKey SERVER_SIDE_ENCRYPTION =
      key("serverSideEncryption", CHOICE)
          .group(ATTRIBUTES)
          .choices("AES256", "KMS", "SM4")
          .describe(
              "Server-side encryption of every object written (x-oss-server-side-encryption)."
                  + " Empty = AES256 if isServerSideEncryption=true, else none (the bucket's"
                  + " default encryption, if any). Set, it wins over isServerSideEncryption.")
          .rule("Empty or one of AES256, KMS, SM4; case-sensitive.")
          .reference(ATTRIBUTES_REFERENCE + ", --sse")
          .build();
  public static final ConfigKey SERVER_SIDE_ENCRYPTION_KEY_ID =
      key("serverSideEncryptionKeyId", TEXT)
          .group(ATTRIBUTES)
          .describe(
              "KMS key id for serverSideEncryption=KMS (x-oss-server-side-encryption-key-id)."
                  + " Empty = OSS's default KMS key. An id, not a secret: it is shown.")
          .rule("Empty, or set with serverSideEncryption=KMS; no blanks.")
          .reference(ATTRIBUTES_REFERENCE + ", --sse-kms-key-id")
          .build();
  public static final ConfigKey KEEP_SOURCE_ATTRIBUTES =
      key("keepSourceAttributes", BOOLEAN)
          .group(ATTRIBUTES)
          .defaultValue("false")
          .describe(
              "true: also copy the source's Cache-Control, Content-Disposition,"
                  + " Content-Encoding, Content-Language, Expires and storage class (oss as is; s3"
                  + " STANDARD → Standard, STANDARD_IA and ONEZONE_IA → IA, GLACIER and"
                  + " GLACIER_IR → Archive, DEEP_ARCHIVE → ColdArchive; azure Hot → Standard,"
                  + " Cool and Cold → IA, Archive → Archive) where the job sets none. The content"
                  + " type and user metadata of oss, s3 and azure sources are kept either way."
                  + " false: as the original.")
          .rule("true or false, case-insensitive.")
          .reference(ATTRIBUTES_REFERENCE + "; rclone --metadata")
          .build();

  public static final ConfigKey IS_AUDIT_AFTER_IMPORT =
      key("isAuditAfterImport", BOOLEAN)
          .group(VERIFY)
          .defaultValue("true")
          .describe(
              "Verify each object after import: from the upload's answer (OSS's CRC-64 of what it"
                  + " stored, checked against the bytes read) at no extra request; one HEAD,"
                  + " compared as auditMode says, only where the answer proves nothing (server-side"
                  + " copies, answers without a CRC-64).")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Verification, §5.8 [C, S1]")
          .build();
  public static final ConfigKey AUDIT_MODE =
      key("auditMode", CHOICE)
          .group(VERIFY)
          .defaultValue("general")
          .choices("simple", "general", "detailed")
          .describe(
              "simple = size only; general = size, last-modified and headers; detailed ="
                  + " content checksum.")
          .rule("simple, general or detailed, case-sensitive.")
          .reference("§2.2 Verification, §5.8 [C, S1]")
          .build();

  public static final ConfigKey APP_ID =
      key("appId", INTEGER)
          .group(SPECIFIC)
          .defaultValue("0")
          .atLeast(0)
          .describe("cos: the Tencent COS AppId.")
          .rule("Whole number ≥ 0.")
          .reference("§2.2 Source-specific keys [C, S1, S3]")
          .build();
  public static final ConfigKey IS_DOWNLOAD_FROM_CDN =
      key("isDownloadFromCdn", BOOLEAN)
          .group(SPECIFIC)
          .defaultValue("false")
          .describe("youpai: download through cdnDomain instead of the storage API.")
          .rule("true or false, case-insensitive.")
          .reference("§2.2 Source-specific keys [C, S1]")
          .build();
  public static final ConfigKey CDN_DOMAIN =
      key("cdnDomain", TEXT)
          .group(SPECIFIC)
          .describe("youpai: CDN host; download URL = cdnDomain + key.")
          .rule("Free text.")
          .reference("§2.2 Source-specific keys [C, S1]")
          .build();
  public static final ConfigKey GET_OBJECT_META_MODE =
      key("getObjectMetaMode", CHOICE)
          .group(SPECIFIC)
          .defaultValue("stat")
          .choices("head", "stat")
          .describe("qiniu: read metadata by HTTP HEAD (head) or BucketManager.stat (stat).")
          .rule("head or stat, case-sensitive.")
          .reference("§2.2 Source-specific keys [C, S1]")
          .build();
  public static final ConfigKey HTTP_LIST_FILE_PATH =
      key("httpListFilePath", TEXT)
          .group(SPECIFIC)
          .describe(
              "http: absolute path of the URL list file (whitespace-separated columns). The"
                  + " template's c:/example/http.list is an example, not a default.")
          .rule("Required for http; an absolute path (/x/y or C:/x/y or C:\\x\\y).")
          .reference("§2.2 Source-specific keys, §6 [C, S1, S3]")
          .build();
  public static final ConfigKey HTTP_PREFIX_COLUMN =
      key("httpPrefixColumn", INTEGER)
          .group(SPECIFIC)
          .defaultValue("1")
          .range(1, INT_MAX)
          .describe("http: 1-based column of the URL prefix.")
          .rule("Whole number ≥ 1; for http, different from relativePathColumn.")
          .reference("§2.2 Source-specific keys, §6 [C, S1, S8]")
          .build();
  public static final ConfigKey RELATIVE_PATH_COLUMN =
      key("relativePathColumn", INTEGER)
          .group(SPECIFIC)
          .defaultValue("2")
          .range(1, INT_MAX)
          .describe("http: 1-based column of the relative object name.")
          .rule("Whole number ≥ 1; for http, different from httpPrefixColumn.")
          .reference("§2.2 Source-specific keys, §6 [C, S1, S8]")
          .build();

  public static final ConfigKey IS_USE_EXPRESS_TUNNEL =
      key("isUseExpressTunnel", BOOLEAN)
          .group(TUNNEL)
          .defaultValue("false")
          .describe("Route the migration through an Alibaba express tunnel proxy (2.3.0+).")
          .rule("true or false; true is refused: the express tunnel is not supported.")
          .reference("§2.2 Express Connect [C, S1]")
          .build();
  public static final ConfigKey EXPRESS_TUNNEL_PROXY_HOST =
      tunnelKey("expressTunnelProxyHost", TEXT, "Tunnel proxy service host (http://host:port).");
  public static final ConfigKey EXPRESS_TUNNEL_PROXY_TYPE =
      tunnelKey("expressTunnelProxyType", TEXT, "Tunnel proxy type, e.g. data-migration.");
  public static final ConfigKey EXPRESS_TUNNEL_PROXY_USER =
      tunnelKey("expressTunnelProxyUser", TEXT, "Tunnel user name.");
  public static final ConfigKey EXPRESS_TUNNEL_PROXY_DEST =
      tunnelKey("expressTunnelProxyDest", TEXT, "Tunnel destination region, e.g. cn-shanghai.");
  public static final ConfigKey EXPRESS_TUNNEL_AUTH_TOKEN =
      tunnelKey("expressTunnelAuthToken", SECRET, "Tunnel auth token. Never shown.");

  /** Every job key, in reference order. */
  // --- Network keys (issue 15 item 5): one block, kept together to ease merges. ---
  private static final String NETWORK = "Network";

  private static final String ENV_RULE =
      " Empty = the environment, as curl and rclone: https_proxy or HTTPS_PROXY for an https://"
          + " endpoint, http_proxy or HTTP_PROXY for an http:// one (lower case wins), read by the"
          + " process that sends the requests (submit's check, then the service).";

  public static final ConfigKey PROXY =
      key("proxy", TEXT)
          .group(NETWORK)
          .describe(
              "Forward HTTP proxy for every request of the job (destination and source):"
                  + " http://host:port or host:port; none = no proxy, whatever the environment"
                  + " says."
                  + ENV_RULE)
          .rule(
              "Empty, none, or [http://]host:port with a port from 1 to 65535; no user or"
                  + " password in the URL (use proxyUser/proxyPassword); https:// proxies are not"
                  + " supported. A variable of the environment is checked the same way, except"
                  + " that it may hold user:password@.")
          .reference("§2.2 (no proxy in the original: S6, S7); new here, curl/rclone/ossutil")
          .build();
  public static final ConfigKey PROXY_USER =
      key("proxyUser", TEXT)
          .group(NETWORK)
          .describe("User for the proxy's Basic authentication; empty = none.")
          .rule("Free text; needs proxyPassword.")
          .reference("§2.2 (no proxy in the original: S6, S7); new here, ossutil --proxy-user")
          .build();
  public static final ConfigKey PROXY_PASSWORD =
      key("proxyPassword", SECRET)
          .group(NETWORK)
          .describe(
              "Password for the proxy's Basic authentication. A secret: never shown, kept in the"
                  + " job tree as a reference to where it came from, as destSecretKey.")
          .rule("Free text; needs proxyUser.")
          .reference("§2.2 (no proxy in the original: S6, S7); new here, ossutil --proxy-pwd")
          .build();
  public static final ConfigKey NO_PROXY =
      key("noProxy", TEXT)
          .group(NETWORK)
          .describe(
              "Hosts reached without the proxy, as curl's NO_PROXY: names separated by commas"
                  + " (or blanks); a name matches itself and its subdomains (example.com and"
                  + " .example.com both match www.example.com), an IP address or a CIDR range"
                  + " (10.0.0.0/8) matches addresses, * matches every host; a :port is ignored."
                  + " localhost and 127.0.0.1 go through the proxy unless listed, as with curl."
                  + " Empty = no_proxy or NO_PROXY of the environment; none = no exception.")
          .rule("Empty, none, or a list of host names, IP addresses, CIDR ranges or *.")
          .reference("§2.2 (no proxy in the original: S6, S7); new here, curl NO_PROXY")
          .build();
  public static final ConfigKey CONNECT_TIMEOUT =
      key("connectTimeout", INTEGER)
          .group(NETWORK)
          .defaultValue("10")
          .range(1, 3600)
          .describe(
              "Seconds to wait for a TCP connection (to the endpoint, or to the proxy). An"
                  + " endpoint that does not answer, e.g. an -internal one outside ECS, fails"
                  + " after this and the attempt is retried.")
          .rule("Whole number of seconds from 1 to 3600.")
          .reference("§2.2 (2.2.3: configurable network timeout, key unknown) [S1 changelog]")
          .build();
  public static final ConfigKey READ_TIMEOUT =
      key("readTimeout", INTEGER)
          .group(NETWORK)
          .defaultValue("60")
          .range(1, 86400)
          .describe(
              "Seconds of silence on an open connection before the request fails as a timeout"
                  + " (retried with backoff, like the other transient failures).")
          .rule("Whole number of seconds from 1 to 86400.")
          .reference("§2.2 (2.2.3: configurable network timeout, key unknown) [S1 changelog]")
          .build();
  public static final ConfigKey CA_CERT_FILE =
      key("caCertFile", TEXT)
          .group(NETWORK)
          .describe(
              "A PEM file of one or more CA certificates that every HTTPS connection of the job"
                  + " (destination and source) trusts in addition to the JVM's trust store, e.g."
                  + " for an endpoint or a TLS-inspecting proxy signed by a private CA. Empty ="
                  + " the JVM's trust store only. Read by submit's check and again at each start.")
          .rule(
              "Empty, or the absolute path of a readable file holding at least one"
                  + " -----BEGIN CERTIFICATE----- block, each a valid X.509 certificate.")
          .reference("§2.2 (no CA option in the original: S6, S7); new here, rclone --ca-cert")
          .build();
  // --- end of the network keys ---

  public static final KeyCatalogue CATALOGUE =
      new KeyCatalogue(
          "local_job.cfg",
          Arrays.asList(
              JOB_NAME,
              JOB_TYPE,
              IS_INCREMENTAL,
              INCREMENTAL_MODE_INTERVAL,
              IMPORT_SINCE,
              LAST_MODIFY,
              IS_SKIP_EXIST_FILE,
              SKIP_EXIST_MODE,
              INCLUDE,
              EXCLUDE,
              FILTER,
              MIN_SIZE,
              MAX_SIZE,
              IMPORT_UNTIL,
              SRC_TYPE,
              SRC_ACCESS_KEY,
              SRC_SECRET_KEY,
              SRC_SECURITY_TOKEN,
              SRC_DOMAIN,
              SRC_BUCKET,
              SRC_PREFIX,
              DEST_ACCESS_KEY,
              DEST_SECRET_KEY,
              DEST_SECURITY_TOKEN,
              DEST_DOMAIN,
              DEST_BUCKET,
              DEST_PREFIX,
              TASK_OBJECT_COUNT_LIMIT,
              TASK_OBJECT_SIZE_LIMIT,
              SCAN_THREAD_COUNT,
              MAX_MULTI_THREAD_SCAN_DEPTH,
              MULTIPART_UPLOAD_THRESHOLD,
              MULTIPART_UPLOAD_PART_SIZE,
              UPLOAD_THREAD_NUM_PER_LARGE_FILE,
              IS_SERVER_SIDE_ENCRYPTION,
              IS_ALLOW_SYMBOLIC_LINK,
              STORAGE_CLASS,
              OBJECT_ACL,
              OBJECT_TAGGING,
              OBJECT_HEADERS,
              SERVER_SIDE_ENCRYPTION,
              SERVER_SIDE_ENCRYPTION_KEY_ID,
              KEEP_SOURCE_ATTRIBUTES,
              IS_AUDIT_AFTER_IMPORT,
              AUDIT_MODE,
              APP_ID,
              IS_DOWNLOAD_FROM_CDN,
              CDN_DOMAIN,
              GET_OBJECT_META_MODE,
              HTTP_LIST_FILE_PATH,
              HTTP_PREFIX_COLUMN,
              RELATIVE_PATH_COLUMN,
              PROXY,
              PROXY_USER,
              PROXY_PASSWORD,
              NO_PROXY,
              CONNECT_TIMEOUT,
              READ_TIMEOUT,
              CA_CERT_FILE,
              IS_USE_EXPRESS_TUNNEL,
              EXPRESS_TUNNEL_PROXY_HOST,
              EXPRESS_TUNNEL_PROXY_TYPE,
              EXPRESS_TUNNEL_PROXY_USER,
              EXPRESS_TUNNEL_PROXY_DEST,
              EXPRESS_TUNNEL_AUTH_TOKEN));

  private JobKeys() {}

  private static ConfigKey tunnelKey(String name, ValueType type, String description) {
    return key(name, type)
        .group(TUNNEL)
        .describe(description)
        .rule("Read and ignored (the express tunnel is not supported).")
        .reference("§2.2 Express Connect [C, S1]")
        .build();
  }
}
