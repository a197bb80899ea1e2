resource "aws_lambda_layer_version" "deps" {
  layer_name          = "python-deps"
  filename            = "${path.module}/build/layer.zip"
  source_code_hash    = filebase64sha256("${path.module}/build/layer.zip")
  compatible_runtimes = ["python3.11", "python3.12"]
}
