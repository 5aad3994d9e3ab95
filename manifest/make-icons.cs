// Draws the two Teams icons (no imaging package needed): dotnet run manifest/make-icons.cs
// color.png: 192x192, the white emblem on OSP blue. outline.png: 32x32, the white emblem on transparency.
// The emblem: the steering group in the middle, joined to its four sub-groups.
using System.IO.Compression;
using System.Runtime.CompilerServices;

var dir = ScriptDirectory();
File.WriteAllBytes(Path.Combine(dir, "color.png"), Icon.Draw(192, emblemRadius: 0.5, background: (0x1D, 0x4F, 0x91)));
File.WriteAllBytes(Path.Combine(dir, "outline.png"), Icon.Draw(32, emblemRadius: 0.97, background: null));
Console.WriteLine($"Wrote color.png and outline.png in {dir}");

static string ScriptDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

internal static class Icon
{
    private const int Samples = 4;

    // emblemRadius: the emblem's reach as a share of half the icon (Teams keeps colour icons' art central).
    public static byte[] Draw(int size, double emblemRadius, (byte R, byte G, byte B)? background)
    {
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var cover = Coverage(x, y, size, emblemRadius);
                var i = (y * size + x) * 4;
                var (r, g, b) = background ?? (255, 255, 255);
                rgba[i] = Blend(r, cover);
                rgba[i + 1] = Blend(g, cover);
                rgba[i + 2] = Blend(b, cover);
                rgba[i + 3] = background is null ? (byte)Math.Round(cover * 255) : (byte)255;
            }
        }

        return Png.Encode(size, size, rgba);
    }

    private static byte Blend(byte under, double cover) => (byte)Math.Round(under + (255 - under) * cover);

    private static double Coverage(int px, int py, int size, double emblemRadius)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                // Map the sample to emblem units, where the emblem spans -1..1.
                var u = ((px + (sx + 0.5) / Samples) / size * 2 - 1) / emblemRadius;
                var v = ((py + (sy + 0.5) / Samples) / size * 2 - 1) / emblemRadius;
                hits += Inside(u, v) ? 1 : 0;
            }
        }

        return hits / (double)(Samples * Samples);
    }

    private static bool Inside(double u, double v)
    {
        const double Hub = 0.34, Satellite = 0.26, Reach = 0.72, Spoke = 0.07;
        if (u * u + v * v <= Hub * Hub)
        {
            return true;
        }

        foreach (var (dx, dy) in new[] { (1, 1), (1, -1), (-1, 1), (-1, -1) })
        {
            var (cx, cy) = (dx * Reach / Math.Sqrt(2), dy * Reach / Math.Sqrt(2));
            if ((u - cx) * (u - cx) + (v - cy) * (v - cy) <= Satellite * Satellite)
            {
                return true;
            }

            // Distance from the spoke, the segment from the hub's centre to the satellite's.
            var t = Math.Clamp((u * cx + v * cy) / (cx * cx + cy * cy), 0, 1);
            if (Math.Pow(u - t * cx, 2) + Math.Pow(v - t * cy, 2) <= Spoke * Spoke)
            {
                return true;
            }
        }

        return false;
    }
}

/// Minimal PNG writer: 8-bit RGBA, no interlace, filter 0 on every row.
internal static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8;  // bits per channel
        header[9] = 6;  // colour type RGBA
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(width, height, rgba));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(int width, int height, byte[] rgba)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(rgba, y * width * 4, width * 4);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[12 + data.Length];
        WriteBigEndian(buffer, 0, (uint)data.Length);
        for (var i = 0; i < 4; i++)
        {
            buffer[4 + i] = (byte)type[i];
        }

        data.CopyTo(buffer, 8);
        WriteBigEndian(buffer, 8 + data.Length, Crc(buffer.AsSpan(4, 4 + data.Length)));
        output.Write(buffer);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(offset), value);
}
