import type { ContentType } from "@lucca-api/types";

/**
 * File extension → content type, for uploads that name no type. Every value is typed
 * `ContentType`, so the compiler rejects one the spec does not accept (hence `jpg` →
 * `image/jpg`, the spelling the API wants, not `image/jpeg`).
 */
export const extensionTypes: Readonly<Record<string, ContentType>> = {
  bmp: "image/bmp",
  css: "text/css",
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  eml: "message/rfc822",
  gif: "image/gif",
  heic: "image/heic",
  heif: "image/heif",
  hpgl: "application/vnd.hp-hpgl",
  hqx: "application/mac-binhex40",
  htm: "text/html",
  html: "text/html",
  ico: "image/x-icon",
  ics: "text/calendar",
  jb2: "image/x-jb2",
  jbig2: "image/x-jbig2",
  jpe: "image/jpe",
  jpeg: "image/jpg",
  jpf: "image/x-jpf",
  jpg: "image/jpg",
  js: "application/javascript",
  json: "application/json",
  md: "text/markdown",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
  msg: "application/vnd.ms-outlook",
  odg: "application/vnd.oasis.opendocument.graphics",
  odp: "application/vnd.oasis.opendocument.presentation",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odt: "application/vnd.oasis.opendocument.text",
  p7s: "application/pkcs7-signature",
  pcx: "image/x-pcx",
  pdf: "application/pdf",
  png: "image/png",
  pnm: "image/x-portable-anymap",
  potx: "application/vnd.openxmlformats-officedocument.presentationml.template",
  ppsx: "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ps: "application/postscript",
  rar: "application/x-rar",
  rtf: "application/rtf",
  rw2: "image/x-panasonic-raw",
  stl: "application/vnd.ms-pki.stl",
  svg: "image/svg+xml",
  tif: "image/tif",
  tiff: "image/tiff",
  txt: "text/plain",
  webp: "image/webp",
  xls: "application/vnd.ms-excel",
  xlsb: "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xml: "application/xml",
  xps: "application/vnd.ms-xpsdocument",
  zip: "application/zip",
  "7z": "application/x-7z-compressed",
};

/**
 * Common spellings the API does not accept, with the accepted one to send instead.
 * Browsers label a JPEG `image/jpeg`; the API's list only has `image/jpg`.
 */
export const contentTypeAliases: Readonly<Record<string, ContentType>> = {
  "image/jpeg": "image/jpg",
  "application/octet-stream": "binary/octet-stream",
  "application/x-zip": "application/zip",
  "application/vnd.rar": "application/x-rar",
  "text/javascript": "application/javascript",
  "audio/mp3": "audio/mpeg",
};

/** What an upload is sent as when neither its name nor its type says more. */
export const unknownContentType: ContentType = "binary/octet-stream";
