//! The theme is compiled into the binary with `include_dir!`, which cargo cannot see into: a
//! changed template or stylesheet must rebuild the crate, or a build would serve the old one.
fn main() {
    println!("cargo:rerun-if-changed=themes/omtanke");
}
