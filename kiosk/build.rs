//! The page templates and assets are compiled into the binary with `include_dir!`, which cargo
//! cannot see into: a changed template or stylesheet must rebuild the daemon, or it would serve
//! the old one.
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=assets");
}
