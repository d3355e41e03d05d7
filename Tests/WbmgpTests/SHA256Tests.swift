import Testing

@testable import Wbmgp

@Suite("SHA-256 against the NIST example vectors (FIPS 180-4)")
struct SHA256Tests {
    @Test("short messages", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test("one million times 'a', in one piece and in uneven pieces")
    func million() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == expected)
        var hasher = SHA256()
        var remaining = 1_000_000
        var piece = 1
        while remaining > 0 {
            let count = min(piece, remaining)
            hasher.update([UInt8](repeating: 0x61, count: count))
            remaining -= count
            piece = piece % 97 + 13
        }
        #expect(SHA256.hex(hasher.finalize()) == expected)
    }

    @Test("block boundaries: 55, 56, 63, 64 and 65 bytes hash as the sequence form does")
    func boundaries() {
        for count in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = [UInt8](repeating: 0x62, count: count)
            var bySequence = SHA256()
            bySequence.update(bytes.lazy.map { $0 })
            #expect(SHA256.hash(bytes) == bySequence.finalize(), "\(count) bytes")
        }
    }
}
