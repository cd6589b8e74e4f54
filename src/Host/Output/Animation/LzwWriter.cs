namespace Wann.Host.Output.Animation;

/// <summary>
/// GIF's variable-length LZW for 8-bit indices: codes start at 9 bits after the clear code (256) and end
/// code (257), grow to 12 bits, and a clear code restarts the table when it is full. Codes are packed
/// least significant bit first into data sub-blocks of at most 255 bytes, closed by an empty block.
/// </summary>
public static class LzwWriter
{
    private const int ClearCode = 256, EndCode = 257, MaxCodes = 4096;

    public static void Write(ReadOnlySpan<byte> indices, Stream output)
    {
        var packer = new BitPacker(output);
        // Table of strings as (prefix code, next index) -> code; -1 where absent.
        var table = new int[MaxCodes * 256];
        Array.Fill(table, -1);
        int nextCode = EndCode + 1, codeSize = 9;
        packer.Add(ClearCode, codeSize);
        if (indices.IsEmpty)
        {
            packer.Add(EndCode, codeSize);
            packer.Finish();
            return;
        }
        int prefix = indices[0];
        for (int i = 1; i < indices.Length; i++)
        {
            byte next = indices[i];
            int known = table[prefix * 256 + next];
            if (known >= 0)
            {
                prefix = known;
                continue;
            }
            packer.Add(prefix, codeSize);
            if (nextCode < MaxCodes)
            {
                table[prefix * 256 + next] = nextCode;
                // A decoder widens its codes once the table reaches the current width's limit.
                if (nextCode == 1 << codeSize && codeSize < 12) codeSize++;
                nextCode++;
            }
            else
            {
                packer.Add(ClearCode, codeSize);
                Array.Fill(table, -1);
                nextCode = EndCode + 1;
                codeSize = 9;
            }
            prefix = next;
        }
        packer.Add(prefix, codeSize);
        packer.Add(EndCode, codeSize);
        packer.Finish();
    }

    /// <summary>Packs codes LSB first and cuts the bytes into sub-blocks.</summary>
    private sealed class BitPacker(Stream output)
    {
        private readonly byte[] _block = new byte[255];
        private int _blockLength, _bits, _bitCount;

        public void Add(int code, int size)
        {
            _bits |= code << _bitCount;
            _bitCount += size;
            while (_bitCount >= 8)
            {
                Emit((byte)_bits);
                _bits >>= 8;
                _bitCount -= 8;
            }
        }

        public void Finish()
        {
            if (_bitCount > 0) Emit((byte)_bits);
            Flush();
            output.WriteByte(0);
        }

        private void Emit(byte value)
        {
            _block[_blockLength++] = value;
            if (_blockLength == _block.Length) Flush();
        }

        private void Flush()
        {
            if (_blockLength == 0) return;
            output.WriteByte((byte)_blockLength);
            output.Write(_block, 0, _blockLength);
            _blockLength = 0;
        }
    }
}
