; Inno Setup 6 script: the Windows installer for fieldworker (基层残疾人工作台).
;
; First build the one-folder bundle on Windows, then compile from the repository root:
;   python -m PyInstaller --noconfirm installer\fieldworker.spec
;   iscc /DAppVersion=0.1.0 installer\fieldworker.iss
; The result is dist\installer\fieldworker-setup-<version>.exe.
;
; Needs Inno Setup 6.3 or later (x64compatible). The file is UTF-8 with a byte-order mark,
; which every Unicode Inno Setup reads correctly.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "基层残疾人工作台"
#define AppExe "fieldworker.exe"

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{987F990B-8641-4561-89FA-7CBF0DD4E047}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fieldworker
; An ASCII folder name: some tools still mishandle non-ASCII program paths.
DefaultDirName={autopf}\fieldworker
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Program Files needs administrator rights; a worker without them on a shared township
; computer may choose to install for the current user only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=fieldworker-setup-{#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The workbench must not be running while its files are replaced.
CloseApplications=yes

[Languages]
; ChineseSimplified.isl is not shipped with Inno Setup: it is one of the unofficial
; translations maintained alongside it (https://jrsoftware.org/files/istrans/, and
; Files/Languages/Unofficial/ChineseSimplified.isl in the jrsoftware/issrc repository).
; Copy it into Inno Setup's Languages folder; without it the setup wizard is in English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimp"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found in the compiler's Languages folder: English setup"
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle (fieldworker.exe, fieldworker-cli.exe, _internal\).
Source: "dist\fieldworker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The worker's data is kept on uninstall. The database, its backups and settings live in
; the user data directory (platformdirs: %LOCALAPPDATA%\fieldworker), never under Program
; Files, and the uninstaller removes only the files it installed into {app}. There is
; deliberately no [UninstallDelete] entry for that directory: reinstalling or upgrading
; finds the roster as it was.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('程序已卸载。您的数据（数据库和备份）仍保留在：' + #13#10 +
           ExpandConstant('{localappdata}\fieldworker'), mbInformation, MB_OK);
end;
