import { describe, expect, it } from 'vitest';
import { acceptFile, FILE_LIMITS } from './accept-file.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('acceptFile', () => {
  it('accepts a file whose content matches its extension, and keeps only the base name', () => {
    expect(acceptFile('C:\\work\\report.PDF', bytes('%PDF-1.7 …'))).toEqual({ name: 'report.PDF', mediaType: 'application/pdf' });
    expect(acceptFile('notebook.ipynb', bytes('{"cells": []}'))).toEqual({ name: 'notebook.ipynb', mediaType: 'text/plain; charset=utf-8' });
    expect(acceptFile('diagram.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toEqual({ name: 'diagram.png', mediaType: 'image/png' });
  });

  it('refuses HTML, SVG and executables, and content that does not match the name', () => {
    expect(acceptFile('page.html', bytes('<script>alert(1)</script>'))).toMatchObject({ refused: expect.stringContaining('"page.html": this kind of file is not accepted') });
    expect(acceptFile('logo.svg', bytes('<svg onload="x"/>'))).toHaveProperty('refused');
    expect(acceptFile('tool.exe', new Uint8Array([0x4d, 0x5a]))).toHaveProperty('refused');
    expect(acceptFile('fake.pdf', bytes('<html>'))).toEqual({ refused: '"fake.pdf" is not a valid .pdf file: its content does not match its name.' });
    expect(acceptFile('binary.txt', new Uint8Array([0x41, 0, 0x42]))).toHaveProperty('refused');
    expect(acceptFile('latin1.csv', new Uint8Array([0x63, 0xe9, 0x0a]))).toHaveProperty('refused');
  });

  it('refuses an empty file, one over the size limit, and a bad name', () => {
    expect(acceptFile('empty.txt', new Uint8Array())).toEqual({ refused: '"empty.txt" is empty.' });
    expect(acceptFile('big.txt', new Uint8Array(FILE_LIMITS.bytesPerFile + 1).fill(0x41))).toEqual({ refused: '"big.txt" is larger than 5 MB.' });
    expect(acceptFile('bad\u0007name.txt', bytes('x'))).toHaveProperty('refused');
  });
});
