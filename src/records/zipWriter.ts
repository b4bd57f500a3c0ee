import { crc32, deflateRawSync } from 'node:zlib'

type Entry = { name: Buffer; crc: number; size: number; compressed: number; method: number; offset: number; time: number; date: number }

function dosTime(d: Date) {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  }
}

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflate or store, central directory,
 * UTF-8 names). Whole files go in one at a time, so memory holds one file; no ZIP64, so at most
 * 65,535 entries and 4 GiB in all, which `add` checks.
 */
export class ZipWriter {
  private entries: Entry[] = []
  private offset = 0
  private readonly now = dosTime(new Date())

  /** The local header and data of one file; the caller writes the returned chunks in order. */
  add(path: string, data: Uint8Array): Buffer[] {
    if (this.entries.length >= 0xffff) throw new Error('zip: more than 65,535 files needs ZIP64, which this writer does not do')
    const name = Buffer.from(path, 'utf8')
    const deflated = deflateRawSync(data)
    const method = deflated.length < data.length ? 8 : 0
    const body = method === 8 ? deflated : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    if (this.offset + 30 + name.length + body.length > 0xffffffff) throw new Error('zip: more than 4 GiB needs ZIP64, which this writer does not do')
    const entry: Entry = { name, crc: crc32(data) >>> 0, size: data.byteLength, compressed: body.length, method, offset: this.offset, ...this.now }
    const h = Buffer.alloc(30)
    h.writeUInt32LE(0x04034b50, 0)
    h.writeUInt16LE(20, 4) // version needed: 2.0
    h.writeUInt16LE(0x0800, 6) // UTF-8 names
    h.writeUInt16LE(method, 8)
    h.writeUInt16LE(entry.time, 10)
    h.writeUInt16LE(entry.date, 12)
    h.writeUInt32LE(entry.crc, 14)
    h.writeUInt32LE(entry.compressed, 18)
    h.writeUInt32LE(entry.size, 22)
    h.writeUInt16LE(name.length, 26)
    h.writeUInt16LE(0, 28)
    this.entries.push(entry)
    this.offset += h.length + name.length + body.length
    return [h, name, body]
  }

  /** The central directory and its end record. */
  finish(): Buffer {
    const parts: Buffer[] = []
    let size = 0
    for (const e of this.entries) {
      const c = Buffer.alloc(46)
      c.writeUInt32LE(0x02014b50, 0)
      c.writeUInt16LE(0x0314, 4) // made by: Unix, 2.0
      c.writeUInt16LE(20, 6)
      c.writeUInt16LE(0x0800, 8)
      c.writeUInt16LE(e.method, 10)
      c.writeUInt16LE(e.time, 12)
      c.writeUInt16LE(e.date, 14)
      c.writeUInt32LE(e.crc, 16)
      c.writeUInt32LE(e.compressed, 20)
      c.writeUInt32LE(e.size, 24)
      c.writeUInt16LE(e.name.length, 28)
      c.writeUInt32LE((0o100644 << 16) >>> 0, 38) // regular file, rw-r--r--
      c.writeUInt32LE(e.offset, 42)
      parts.push(c, e.name)
      size += c.length + e.name.length
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.entries.length, 8)
    end.writeUInt16LE(this.entries.length, 10)
    end.writeUInt32LE(size, 12)
    end.writeUInt32LE(this.offset, 16)
    return Buffer.concat([...parts, end])
  }
}
