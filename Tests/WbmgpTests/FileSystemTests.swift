import Foundation
import Testing
import Wbmgp

/// The file-system questions answered by POSIX calls since the executable stopped linking
/// Foundation (step 108), checked against Foundation's answers where it gives them.
@Suite("FileSystem and SystemCores: paths, folders, the executable, the cores")
struct FileSystemTests {
    @Test("what a path names, the names in a folder, folders made and removed with all they hold")
    func folders() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        #expect(FileSystem.kind(at: root) == .directory)
        #expect(FileSystem.kind(at: root + "/missing") == nil)
        #expect(FileSystem.makeDirectories(root + "/a/b/c"))
        #expect(FileSystem.makeDirectories(root + "/a/b/c"))  // made already: still true
        #expect(FileBytes.write(Array("x".utf8), toPath: root + "/a/b/file.txt") == nil)
        #expect(FileSystem.kind(at: root + "/a/b/file.txt") == .file)
        #expect(!FileSystem.makeDirectories(root + "/a/b/file.txt/d"))  // a file in the way
        #expect(symlink(root + "/a/b", root + "/link") == 0)
        #expect(FileSystem.kind(at: root + "/link") == .directory)  // followed
        #expect(FileSystem.names(in: root + "/a/b") == ["c", "file.txt"])
        #expect(FileSystem.names(in: root) == ["a", "link"])
        #expect(FileSystem.names(in: root + "/a/b/file.txt") == nil)
        #expect(FileBytes.text(path: root + "/a/b/file.txt") == "x")
        #expect(FileSystem.removeTree(root + "/link"))  // the link, not what it points to
        #expect(FileSystem.kind(at: root + "/a/b/c") == .directory)
        #expect(FileSystem.removeTree(root + "/a"))
        #expect(FileSystem.kind(at: root + "/a") == nil)
        #expect(FileSystem.removeTree(root + "/a"))  // nothing there: nothing to remove
        #expect(FileSystem.names(in: root) == [])
    }

    @Test("character devices told from files: /dev/zero is one, a regular file, a folder and nothing are not")
    func characterDevices() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        #expect(FileSystem.isCharacterDevice(at: "/dev/zero"))
        #expect(FileBytes.write(Array("kept".utf8), toPath: root + "/null") == nil)
        #expect(!FileSystem.isCharacterDevice(at: root + "/null"))
        #expect(!FileSystem.isCharacterDevice(at: root))
        #expect(!FileSystem.isCharacterDevice(at: root + "/missing"))
        #expect(symlink("/dev/zero", root + "/zero") == 0)
        #expect(FileSystem.isCharacterDevice(at: root + "/zero"))  // followed
    }

    @Test("a temporary folder of its own: new at each call, its owner's alone, none in a missing folder")
    func temporaryFolders() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        let first = try #require(FileSystem.makeTemporaryDirectory(prefix: "wbmgp-test", in: root))
        let second = try #require(FileSystem.makeTemporaryDirectory(prefix: "wbmgp-test", in: root))
        #expect(first != second && first.hasPrefix(root + "/wbmgp-test-") && first.count == (root + "/wbmgp-test-XXXXXX").count)
        #expect(FileSystem.kind(at: first) == .directory && FileSystem.kind(at: second) == .directory)
        var info = stat()
        #expect(stat(first, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(FileSystem.makeTemporaryDirectory(prefix: "wbmgp-test", in: root + "/missing") == nil)
        #expect(FileSystem.kind(at: root + "/missing") == nil)  // not made on the way
    }

    @Test("a closed standard stream is held by the null device where it is one, else by the root folder")
    func streamHolders() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        #expect(FileSystem.streamHolder(nullDevice: "/dev/zero") == "/dev/zero")
        // A regular file where the null device should be (as on some virtual machines) keeps
        // what is written: not a holder.
        #expect(FileBytes.write([], toPath: root + "/null") == nil)
        #expect(FileSystem.streamHolder(nullDevice: root + "/null") == "/")
        #expect(FileSystem.streamHolder(nullDevice: root + "/missing") == "/")
    }

    @Test("paths standardized by their text, parents, the executable and the temporary folder")
    func paths() {
        #expect(FileSystem.standardized("/a/b/../share/wbmgp/Rules") == "/a/share/wbmgp/Rules")
        #expect(FileSystem.standardized("/a/./b//c/") == "/a/b/c")
        #expect(FileSystem.standardized("/a/../../b") == "/b")
        #expect(FileSystem.standardized("/") == "/")
        #expect(FileSystem.standardized("a/../b") == "b")
        // As Foundation's URL gives it, for the places `RulesLocation` names.
        let folder = "/opt/wbmgp/bin"
        #expect(FileSystem.standardized(folder + "/../share/wbmgp/Rules")
            == URL(fileURLWithPath: folder + "/wbmgp").deletingLastPathComponent().appendingPathComponent("../share/wbmgp/Rules").standardized.path)
        #expect(FileSystem.parentPath("/a/b/c") == "/a/b")
        #expect(FileSystem.parentPath("/a") == "/")
        #expect(FileSystem.parentPath("a") == "")
        #expect(FileSystem.executablePath == (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")))
        #expect(!FileSystem.temporaryDirectory.isEmpty && !FileSystem.temporaryDirectory.hasSuffix("/"))
    }

    @Test("cores: a cgroup's quota rounded up, none for 'max', an affinity list counted")
    func cores() {
        #expect(SystemCores.limit(cpuMax: "200000 100000\n") == 2)
        #expect(SystemCores.limit(cpuMax: "150000 100000") == 2)
        #expect(SystemCores.limit(cpuMax: "50000 100000") == 1)
        #expect(SystemCores.limit(cpuMax: "max 100000") == nil)
        #expect(SystemCores.limit(cpuMax: "garbage") == nil)
        #expect(SystemCores.limit(quota: "-1\n", period: "100000\n") == nil)
        #expect(SystemCores.limit(quota: "400000\n", period: "100000\n") == 4)
        #expect(SystemCores.limit(quota: "100000", period: "0") == nil)
        #expect(SystemCores.count(cpuList: "0-3,8,10-11") == 7)
        #expect(SystemCores.count(cpuList: "\t0-1\n") == 2)
        #expect(SystemCores.count(cpuList: "5") == 1)
        #expect(SystemCores.count(cpuList: "3-1") == nil)
        #expect(SystemCores.count(cpuList: "a-b") == nil)
        #expect(SystemCores.count(cpuList: "") == nil)
        // At least one, and no more than the cores online.
        let available = SystemCores.available
        #expect(available >= 1 && available <= Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
